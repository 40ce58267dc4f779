# CODITECT backend. The two setup commands are `make run` and `make test` (see README).
.PHONY: run test clients build bench deploy clean

PORT ?= 3000
MOTO_PORT ?= 5005

## run: the local API on 127.0.0.1:$(PORT): moto, every template route, a demo tenant and its tokens
run:
	PORT=$(PORT) MOTO_PORT=$(MOTO_PORT) scripts/run.sh

## test: cfn-lint, OpenAPI validation, every unit/moto/end-to-end test, the generated clients' sessions, then schemathesis against the local API
test:
	scripts/test.sh

## clients: only the client tests: generate, build and run the Python and Java clients against the local API
clients:
	scripts/clients.sh

## build: the shaded Lambda jars that template.yaml's CodeUri entries point at
build:
	mvn -B -ntp -q -DskipTests package

## bench: cold starts against a bare-client baseline, jar sizes, DynamoDB calls per route (not in test)
bench:
	scripts/bench.sh

## deploy: build, then deploy with AWS SAM (needs the sam CLI and AWS credentials)
deploy: build
	sam deploy

clean:
	mvn -B -ntp -q clean
