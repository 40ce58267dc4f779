#!/usr/bin/env bash
# Client tests, a step of `make test` after the Maven tests (issue #12): generates a Python client
# (openapi-python-client) and a Java client (OpenAPI Generator, -g java --library native) from
# docs/openapi.json, builds both without touching what was generated, and runs one scripted session
# through each (clients/python/session.py, clients/java/Session.java) against the local runtime:
# create a project and tasks, page through them with the cursor, GET then PATCH with If-Match,
# replay an Idempotency-Key, and receive a 401, a 404 and a 412 as typed errors. Fails on any
# generator warning of the Python client, on duplicate enum classes in it, on a client that does not
# build, and on any step of a session. The generated code stays in target/clients/ (never committed).
#
# Pinned: openapi-python-client in scripts/tools.sh; OpenAPI Generator below (from Maven Central).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Functions get credentials only from the container-credentials endpoint the runtime and the tests
# start, as SnapStart functions do on AWS; access keys from this shell must not reach them.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE

openapi_generator_version=7.25.0
work="$root/target/clients"
document="$root/docs/openapi.json"
started=$SECONDS

eval "$(scripts/tools.sh)"
rm -rf "$work"
mkdir -p "$work"

echo "== clients: Python client, openapi-python-client $("$openapi_python_client" --version | sed 's/.*: //')"
# Its post-generation hooks run ruff, which comes with it.
PATH="$(dirname "$openapi_python_client"):$PATH" "$openapi_python_client" generate \
  --path "$document" --output-path "$work/python" --meta setup >"$work/python-generate.log" 2>&1 \
  || { cat "$work/python-generate.log" >&2; echo "openapi-python-client could not generate the client" >&2; exit 1; }
if grep -q "encountered while generating" "$work/python-generate.log"; then
  cat "$work/python-generate.log" >&2
  echo "openapi-python-client warned about docs/openapi.json: every piece of the document must generate" >&2
  exit 1
fi
# One enum class per distinct value set: the same choice list generated twice means an inline enum
# (or a second named schema) where a reference to the named one belongs.
python3 - "$work/python" <<'PY'
import ast, pathlib, sys
classes = {}
for module in sorted(pathlib.Path(sys.argv[1]).glob("*/models/*.py")):
    for node in ast.parse(module.read_text()).body:
        if isinstance(node, ast.ClassDef) and any(getattr(base, "id", "").endswith("Enum") for base in node.bases):
            values = frozenset(statement.value.value for statement in node.body
                               if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant))
            classes.setdefault(values, []).append(node.name)
duplicates = {tuple(sorted(values)): names for values, names in classes.items() if len(names) > 1}
if duplicates or not classes:
    sys.exit(f"duplicate enum classes in the Python client: {duplicates}" if duplicates else "no enum classes found")
print(f"{len(classes)} enum classes for {len(classes)} distinct value sets")
PY
python_env="$work/python-venv"
python3 -m venv "$python_env"
"$python_env/bin/pip" install --quiet --disable-pip-version-check "$work/python"

echo "== clients: Java client, OpenAPI Generator $openapi_generator_version (-g java --library native)"
mvn -B -ntp -q -N dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$openapi_generator_version" \
  -DoutputDirectory="$work/tools" -Dmdep.stripVersion=true
java -jar "$work/tools/openapi-generator-cli.jar" generate -i "$document" -g java --library native \
  -o "$work/java" --additional-properties=groupId=dev.coditect,artifactId=coditect-client,artifactVersion=0.0.0,invokerPackage=dev.coditect.client,apiPackage=dev.coditect.client.api,modelPackage=dev.coditect.client.model,hideGenerationTimestamp=true \
  >"$work/java-generate.log" 2>&1 \
  || { cat "$work/java-generate.log" >&2; echo "OpenAPI Generator could not generate the client" >&2; exit 1; }
# Its build as generated: compile, and the class path of what it declares.
(cd "$work/java" && mvn -B -ntp -q -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$work/java-classpath.txt" -Dmdep.includeScope=runtime) \
  || { echo "the generated Java client does not build" >&2; exit 1; }
java_classpath="$work/java/target/classes:$(cat "$work/java-classpath.txt")"
javac -d "$work/java-session" -cp "$java_classpath" clients/java/Session.java
echo "== clients: generated and built in $((SECONDS - started)) s"

scripts/build-local.sh
# shellcheck source=scripts/local-runtime.sh
. "$root/scripts/local-runtime.sh"
start_local_runtime "$work" clients
token="$(demo_token MEMBER_TOKEN)"

echo "== clients: Python session"
"$python_env/bin/python" clients/python/session.py "$base" "$token"
echo "== clients: Java session"
java -cp "$work/java-session:$java_classpath" Session "$base" "$token"
echo "== documents: scripts/dms-walkthrough.py"
python3 scripts/dms-walkthrough.py "$base" "$env_file"
echo "== workflows: scripts/workflow-walkthrough.py"
python3 scripts/workflow-walkthrough.py "$base" "$env_file"
echo "== commerce: scripts/commerce-walkthrough.py"
python3 scripts/commerce-walkthrough.py "$base" "$env_file"
echo "== contacts: scripts/contacts-walkthrough.py"
python3 scripts/contacts-walkthrough.py "$base" "$env_file"
echo "== clients: passed in $((SECONDS - started)) s"
