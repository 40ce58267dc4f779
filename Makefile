# CODITECT backend. The two setup commands are `make run` and `make test` (see README).
.PHONY: run test build bench deploy clean

## run: start the local API (moto + local gateway + demo tenant); lands with issue #3
run:
	@echo "make run: the local runtime (moto + gateway + demo tenant) is not built yet (issue #3)." >&2
	@echo "Today: 'make test' runs every test against moto; 'make build' builds the Lambda jars." >&2
	@exit 1

## test: cfn-lint, OpenAPI validation, and every unit and moto test (installs what is missing)
test:
	scripts/test.sh

## build: the shaded Lambda jars that template.yaml's CodeUri entries point at
build:
	mvn -B -ntp -q -DskipTests package

## deploy: build, then deploy with AWS SAM (needs the sam CLI and AWS credentials)
deploy: build
	sam deploy

clean:
	mvn -B -ntp -q clean
