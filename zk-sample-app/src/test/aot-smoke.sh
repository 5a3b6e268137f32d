#!/usr/bin/env bash
# Runs the AOT-processed sample on the JVM (-Dspring.aot.enabled=true) and checks its HTTP answers,
# as SampleApplicationTests does for the regular build. Build it first, from the project root:
#
#   mvn -B -Pnative -pl zk-sample-app -am package -DskipTests
#   zk-sample-app/src/test/aot-smoke.sh
#
# The jar is the one the native profile leaves (process-aot ran; no GraalVM is needed for this).
# Exits 0 when every check passes; stops the application in any case.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$(ls "$here"/target/zk-sample-app-*.jar | grep -v original | head -1)"
unzip -p "$jar" META-INF/MANIFEST.MF | grep -q 'Spring-Boot-Native-Processed: true' \
	|| { echo "aot-smoke: $jar was not built with -Pnative" >&2; exit 2; }
log="$(mktemp)"
java -Dspring.aot.enabled=true -jar "$jar" --server.port=0 --zk.registry.instance-id=sample-1 \
	--sample.job-period=200ms --sample.job-hold-at-least=100ms >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -f "$log"' EXIT

# waits for the web server's port, at most 60 s
port=""
for _ in $(seq 1 300); do
	port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)"
	[ -n "$port" ] && break
	kill -0 $app 2>/dev/null || { cat "$log" >&2; echo "aot-smoke: the application stopped" >&2; exit 1; }
	sleep 0.2
done
[ -n "$port" ] || { cat "$log" >&2; echo "aot-smoke: no web server after 60 s" >&2; exit 1; }
grep -q "Starting AOT-processed" "$log" || { echo "aot-smoke: the application did not run in AOT mode" >&2; exit 1; }
base="http://localhost:$port"

# check NAME URL PYTHON-EXPRESSION: polls for at most 20 s until the expression holds for the
# answer (`body` is the parsed JSON, `text` the raw answer)
check() {
	local name="$1" url="$2" expression="$3" answer=""
	for _ in $(seq 1 100); do
		answer="$(curl -sf -H 'Accept: application/json, text/plain' "$base$url" || true)"
		if [ -n "$answer" ] && ANSWER="$answer" PORT="$port" python3 -c "
import json, os, sys
text = os.environ['ANSWER']; port = os.environ['PORT']
try:
    body = json.loads(text)
except ValueError:
    body = None
sys.exit(0 if ($expression) else 1)" 2>/dev/null; then
			echo "ok   $name"
			return 0
		fi
		sleep 0.2
	done
	echo "FAIL $name: $url answered: $answer" >&2
	return 1
}

failed=0
check "events show the first connection" /sample/events \
	"body[0]['state'] == 'CONNECTED' and body[0]['previousState'] == 'LOST' and body[0]['sessionId'].startswith('0x')" || failed=1
check "config shows the bound node" /sample/config \
	"body['node'] == '/config/zk-sample-app' and body['values'] == {'greeting': 'Hello from ZooKeeper', 'maxConnections': 10, 'features': ['watch', 'discovery']}" || failed=1
check "watched shows what the @ZkWatch method received" /sample/watched \
	"body['path'] == '/sample/watched' and 'message' in body['received'][-1]['properties'] and 'time' in body['received'][-1]" || failed=1
check "instances list the sample itself" /sample/instances \
	"any(i['serviceId'] == 'zk-sample-app' and i['uri'].endswith(':' + port) for i in body)" || failed=1
check "zktree shows the imported tree as text" /actuator/zktree/config \
	"'/zk-sample-app : config' in text" || failed=1
check "leader shows the election this instance leads" /sample/leader \
	"body == {'path': '/sample/election', 'id': 'sample-1', 'leader': 'sample-1', 'isLeader': True, 'participants': ['sample-1']}" || failed=1
check "jobs list the @ZkLocked @Scheduled job's runs" /sample/jobs \
	"len(body['runs']) >= 3 and all(r['id'] == 'sample-1' and 'at' in r for r in body['runs'])" || failed=1
check "zkcoordination shows the election" /actuator/zkcoordination \
	"body['identifier'] == 'sample-1' and body['elections'][0]['role'] == 'leader'" || failed=1
check "health is UP" /actuator/health "body['status'] == 'UP'" || failed=1

if [ "$failed" -ne 0 ]; then
	echo "--- application log" >&2
	cat "$log" >&2
	exit 1
fi
echo "aot-smoke: all checks passed on the AOT-processed sample (port $port)"
