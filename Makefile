# Thin entry points; the work is in scripts/.
.PHONY: setup demo check test e2e bench ui

setup:
	scripts/setup.sh

demo:
	scripts/demo.sh

check:
	scripts/check.sh

test:
	scripts/test.sh

e2e:
	scripts/e2e.sh

bench:
	scripts/bench.sh

ui:
	npm --prefix ui run build
