# tests/sandbox.mk - build/sandbox, the loopback ClickUp sandbox as a standalone process
# (included by the Makefile). The same tests/sandbox.c is linked into every test binary.
$(BUILD)/sandbox: tests/sandbox_main.c tests/sandbox.c tests/sandbox.h clickup.h | $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) -I. -o $@ tests/sandbox_main.c tests/sandbox.c $(LIBS)
