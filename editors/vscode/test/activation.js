// Activates the compiled extension outside VS Code, with the 'vscode' API and the language client
// replaced by recorders, to see which server command it would start for given settings.
// VscodeExtensionIT runs it; it is not part of the .vsix.
//
//   node test/activation.js out/extension.js '{"settings": {...}, "folder": "/ws", "path": "...", "javaHome": "..."}'
//
// Prints one JSON object: {"logs", "errors", "commands", "client": {"command", "args", "shell", "env", "documentSelector", "watch"}}.
'use strict';
const Module = require('module');
const path = require('path');

const [extensionJs, scenarioText] = process.argv.slice(2);
const scenario = JSON.parse(scenarioText);
const seen = { logs: [], errors: [], commands: [], client: null, started: false };

if ('path' in scenario) {
  process.env.PATH = scenario.path;
}
if ('javaHome' in scenario) {
  if (scenario.javaHome) {
    process.env.JAVA_HOME = scenario.javaHome;
  } else {
    delete process.env.JAVA_HOME;
  }
}

const settings = scenario.settings || {};
const vscode = {
  workspace: {
    getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }),
    workspaceFolders: scenario.folder ? [{ uri: { fsPath: scenario.folder } }] : undefined,
    onDidChangeConfiguration: () => ({ dispose() {} }),
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
  },
  window: {
    createOutputChannel: () => ({ appendLine: (line) => seen.logs.push(line), show() {}, dispose() {} }),
    showErrorMessage: async (message) => {
      seen.errors.push(message);
      return undefined;
    },
  },
  commands: {
    registerCommand: (id) => {
      seen.commands.push(id);
      return { dispose() {} };
    },
    executeCommand: async () => undefined,
  },
  env: { openExternal: async () => true },
  Uri: { parse: (s) => s },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    const run = serverOptions.run;
    const env = {};
    for (const key of Object.keys(settings.env || {})) {
      env[key] = run.options.env[key];
    }
    seen.client = {
      id, name, command: run.command, args: run.args, shell: Boolean(run.options.shell), env,
      documentSelector: clientOptions.documentSelector, watch: clientOptions.synchronize.fileEvents.glob,
    };
  }
  async start() {
    seen.started = true;
  }
  async stop() {}
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') {
    return vscode;
  }
  if (request === 'vscode-languageclient/node') {
    return { LanguageClient };
  }
  return load.call(this, request, parent, isMain);
};

require(path.resolve(extensionJs))
  .activate({ subscriptions: [] })
  .then(() => setTimeout(() => process.stdout.write(JSON.stringify(seen)), 0))
  .catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
