@echo off
rem Runs aws-inventory from the jar beside this script, or from target\ of a build.
rem Uses %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java from the PATH.
rem AWS_INVENTORY_JAVA_OPTS comes after the default JVM options (the quick C1 compiler with four
rem compiler threads, a young generation of at least 96 MB): a later option wins, so
rem AWS_INVENTORY_JAVA_OPTS=-Xmx1g keeps the rest.
rem Every path is quoted and no block is parenthesized, so the script works from folders such as
rem "C:\Program Files (x86)\aws-inventory"; the arguments are passed on unchanged with %*.
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
set "OPTS=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=4 -XX:NewSize=96m %AWS_INVENTORY_JAVA_OPTS%"
set "CRASH_LOG=%LOCALAPPDATA%\aws-inventory\hs_err_pid%%p.log"
if not defined LOCALAPPDATA set "CRASH_LOG=%TEMP%\aws-inventory-hs_err_pid%%p.log"
set "JAR=%~dp0aws-inventory.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\aws-inventory.jar"
if exist "%JAR%" goto run
>&2 echo aws-inventory: aws-inventory.jar not found beside this script or in target\; build it with mvnw package
exit /b 2
:run
"%JAVA%" %OPTS% "-XX:ErrorFile=%CRASH_LOG%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
