@echo off
rem posting-lint launcher for Windows (posting-lint-VERSION\bin\posting-lint.cmd).
rem Needs only a Java 17+ runtime: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on PATH.
rem It makes no class-data archive (the POSIX launcher does); POSTING_LINT_JAVA_OPTS adds JVM options.
setlocal
set "PL_HOME=%~dp0.."
if defined JAVA_HOME (
  set "PL_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "PL_JAVA=java"
)
"%PL_JAVA%" %POSTING_LINT_JAVA_OPTS% -jar "%PL_HOME%\lib\posting-lint.jar" %*
exit /b %ERRORLEVEL%
