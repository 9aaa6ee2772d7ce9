import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Executable, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'postingLint';
const INSTALL_DOCS = 'https://github.com/postinglint/posting-lint/blob/main/docs/EDITORS.md#vs-code';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    output = vscode.window.createOutputChannel('posting-lint');
    context.subscriptions.push(
        output,
        vscode.commands.registerCommand('postingLint.restartServer', () => restart()),
        vscode.commands.registerCommand('postingLint.showOutput', () => output.show(true)),
        vscode.workspace.onDidChangeConfiguration((e) => {
            // The trace level is read by the client itself; everything else needs a new process.
            if (e.affectsConfiguration(SECTION) && !e.affectsConfiguration(`${SECTION}.trace.server`)) {
                void restart();
            }
        }),
    );
    await start();
}

export async function deactivate(): Promise<void> {
    await stop();
}

async function restart(): Promise<void> {
    await stop();
    await start();
}

async function stop(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) {
        try {
            await running.stop();
        } catch (e) {
            output.appendLine(`posting-lint: stopping the server failed: ${String(e)}`);
        }
    }
}

async function start(): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION);
    if (!config.get<boolean>('enable', true)) {
        output.appendLine('posting-lint: disabled by postingLint.enable');
        return;
    }
    const server = resolveServer(config);
    if ('problem' in server) {
        output.appendLine(`posting-lint: ${server.problem}`);
        void complain(server.problem);
        return;
    }
    output.appendLine(`posting-lint: starting ${server.command} ${(server.args ?? []).join(' ')}`);
    const serverOptions: ServerOptions = { run: server, debug: server };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'html' },
            { scheme: 'file', language: 'markdown' },
            { scheme: 'file', pattern: '**/.posting-lint.{yaml,yml}' },
        ],
        synchronize: {
            // Postings and policies changed outside the editor (git checkout, a fix run) keep the
            // server's workspace index, and so its drift findings, up to date.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{html,htm,md,markdown,json,yaml,yml}'),
        },
        outputChannel: output,
    };
    client = new LanguageClient(SECTION, 'posting-lint', serverOptions, clientOptions);
    try {
        await client.start();
    } catch (e) {
        const problem = `the server did not start (${server.command}): ${String(e)}`;
        output.appendLine(`posting-lint: ${problem}`);
        void complain(problem);
    }
}

type Resolved = Executable | { problem: string };

/**
 * The command that starts `posting-lint lsp`: postingLint.path (a launcher, or a jar run with java),
 * else `posting-lint` found on PATH.
 */
function resolveServer(config: vscode.WorkspaceConfiguration): Resolved {
    const extra = config.get<string[]>('serverArgs', []);
    const env = { ...process.env, ...config.get<Record<string, string>>('env', {}) };
    const configured = config.get<string>('path', '').trim();
    const windows = process.platform === 'win32';
    if (configured) {
        const file = resolvePath(configured);
        if (!fs.existsSync(file)) {
            return { problem: `postingLint.path names ${file}, which does not exist` };
        }
        if (file.toLowerCase().endsWith('.jar')) {
            const java = javaCommand(config.get<string>('java', '').trim());
            return { command: java, args: ['-jar', file, 'lsp', ...extra], options: { env } };
        }
        // A .cmd launcher runs through the shell on Windows.
        return { command: file, args: ['lsp', ...extra], options: { env, shell: windows && /\.(cmd|bat)$/i.test(file) } };
    }
    const found = onPath(windows ? ['posting-lint.cmd', 'posting-lint.bat', 'posting-lint.exe'] : ['posting-lint'], env.PATH ?? '');
    if (!found) {
        return { problem: 'the posting-lint command is not on PATH: install a release, or set postingLint.path to its launcher or jar' };
    }
    return { command: found, args: ['lsp', ...extra], options: { env, shell: windows && /\.(cmd|bat)$/i.test(found) } };
}

/** `~` is the home directory; a relative path is relative to the first workspace folder. */
function resolvePath(p: string): string {
    if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
        p = path.join(os.homedir(), p.slice(1));
    }
    if (path.isAbsolute(p)) {
        return p;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? path.join(folder.uri.fsPath, p) : path.resolve(p);
}

function javaCommand(configured: string): string {
    if (configured) {
        return resolvePath(configured);
    }
    const home = process.env.JAVA_HOME;
    if (home) {
        const java = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
        if (fs.existsSync(java)) {
            return java;
        }
    }
    return 'java';
}

function onPath(names: string[], searchPath: string): string | undefined {
    for (const dir of searchPath.split(path.delimiter)) {
        if (!dir) {
            continue;
        }
        for (const name of names) {
            const candidate = path.join(dir, name);
            try {
                if (fs.statSync(candidate).isFile()) {
                    return candidate;
                }
            } catch {
                // not in this directory
            }
        }
    }
    return undefined;
}

async function complain(problem: string): Promise<void> {
    const settings = 'Open Settings';
    const install = 'How to Install';
    const choice = await vscode.window.showErrorMessage(`posting-lint: ${problem}.`, settings, install);
    if (choice === settings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
    } else if (choice === install) {
        await vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS));
    }
}
