@echo off
rem Runs aws-inventory from the jar beside this script, or from target\ of a build.
rem AWS_INVENTORY_JAVA_OPTS replaces the default JVM options.
setlocal
if "%AWS_INVENTORY_JAVA_OPTS%"=="" set "AWS_INVENTORY_JAVA_OPTS=-XX:TieredStopAtLevel=1"
set "JAR=%~dp0aws-inventory.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\aws-inventory.jar"
if not exist "%JAR%" (
  echo aws-inventory: aws-inventory.jar not found beside %~f0 or in target\; build it with mvnw package 1>&2
  exit /b 2
)
java %AWS_INVENTORY_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
