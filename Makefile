# Thin entry points; the work is in scripts/.
.PHONY: setup demo test e2e bench ui

setup:
	scripts/setup.sh

demo:
	scripts/demo.sh

test:
	scripts/test.sh

e2e:
	scripts/e2e.sh

bench:
	scripts/bench.sh

ui:
	npm --prefix ui run build
