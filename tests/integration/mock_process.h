/* The loopback mock of the service (mock/agora_mock.py) as a child process of a
 * C test, and a small HTTP helper for its control API (/__mock/...).
 *
 * The interpreter and the script come from compile definitions set in
 * tests/integration/CMakeLists.txt: ACR_MOCK_PYTHON and ACR_MOCK_SCRIPT.
 * mock_start_script() runs another script the same way (the fault server). */
#ifndef ACR_MOCK_PROCESS_H
#define ACR_MOCK_PROCESS_H

#include <stddef.h>
#include <sys/types.h>

typedef struct mock_process {
    pid_t pid;              /* 0: not running */
    int port;
    char base_url[64];      /* "http://127.0.0.1:PORT" */
    char dir[128];          /* a private temporary directory for the port file */
    char port_file[192];
} mock_process;

/* Starts `python3 agora_mock.py --port 0 --port-file F --quiet ARGS...` (fork and
 * exec) in its own process group, told (on Linux) to stop if this process dies
 * without stopping it; args: NULL-terminated, may be NULL. Then polls the port
 * file until the mock listens, for at most timeout_ms. Returns 0; or -1 with
 * the reason on stderr, and nothing left running. */
int mock_start(mock_process *m, const char *const *args, long timeout_ms);

/* The same for another server script that takes the same --port 0 --port-file F
 * --quiet options (tests/integration/fault_server.py, say), run with
 * ACR_MOCK_PYTHON. */
int mock_start_script(mock_process *m, const char *script, const char *const *args, long timeout_ms);

/* Stops the mock (SIGTERM to its process group, SIGKILL after 5 s), reaps it and
 * removes the temporary directory. Safe on a zeroed or stopped struct. */
void mock_stop(mock_process *m);

/* One HTTP request to the mock (no credentials: for the control API). `body`
 * (NULL: none) is sent as application/json. Returns the HTTP status, or 0 when
 * the exchange failed. When `response` is not NULL it receives the body,
 * NUL-terminated, from malloc (free() it), or NULL. */
long mock_request(const mock_process *m, const char *method, const char *path, const char *body,
                  char **response);

#endif
