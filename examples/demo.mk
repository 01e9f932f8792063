# examples/demo.mk - `make demo` (included by the Makefile, which declares demo .PHONY).
# First make sure libcurl's headers are there (.ci/deps.sh installs them when run as root,
# else prints the command), then build the examples and the sandbox in a fresh make (so that
# pkg-config sees a libcurl installed a moment ago), then run the demo script.
demo:
	@sh .ci/deps.sh demo
	@$(MAKE) --no-print-directory examples $(BUILD)/sandbox
	@sh examples/demo.sh $(BUILD)
