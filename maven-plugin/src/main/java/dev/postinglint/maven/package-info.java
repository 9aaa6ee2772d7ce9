/**
 * The posting-lint Maven plugin: a thin face on posting-lint-core. {@code posting-lint:check} gates the
 * build, {@code posting-lint:report} only writes report files, {@code posting-lint:fix} applies fixes and
 * then checks. The run itself (policies, lint, baseline, fail gate, fix write loop) is the core's
 * {@code dev.postinglint.core.session}; the goals read their parameters, find the module's postings
 * ({@link dev.postinglint.maven.Inputs}), call a session and log the outcome.
 */
package dev.postinglint.maven;
