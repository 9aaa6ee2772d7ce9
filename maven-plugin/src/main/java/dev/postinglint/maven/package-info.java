/**
 * The posting-lint Maven plugin: a thin face on posting-lint-core. {@code posting-lint:check} gates the
 * build, {@code posting-lint:report} only writes report files. The shared work (finding postings,
 * resolving policies, linting) lives in {@link dev.postinglint.maven.AbstractPostingLintMojo} and the
 * small Maven-free classes beside it, so that further goals (such as {@code fix}) reuse it.
 */
package dev.postinglint.maven;
