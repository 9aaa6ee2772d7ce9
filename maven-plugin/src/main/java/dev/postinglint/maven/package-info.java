/** The posting-lint Maven plugin (goals check, fix, report): a thin face on posting-lint-core. */
package dev.postinglint.maven;
