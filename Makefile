# Thin entry points; the work is in scripts/.
.PHONY: setup demo check test e2e bench ui screenshots

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

# The main screens, driven in the real app, into docs/screenshots/.
screenshots:
	SWITCHBOARD_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots scripts/e2e.sh screenshots

ui:
	npm --prefix ui run build
