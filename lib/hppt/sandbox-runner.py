# Runs one untrusted VerInstruct check_following over several responses, for lib/hppt/sandbox.ts.
# stdin: {"source", "instruction", "responses", "memory_mb", "cpu_s"}; stdout: {"results": [true | false | {"error": "..."}]}.
# Limits are set before the dataset's code is read: address space, CPU time, no file growth, few open files; sockets
# raise. The caller adds a wall-clock kill and, where the system allows it, a network namespace without interfaces.
import json
import resource
import socket
import sys


def limit(kind, value):
    try:
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError):
        pass


def no_network(*args, **kwargs):
    raise OSError("network access is disabled in the ifkit sandbox")


def main():
    job = json.load(sys.stdin)
    limit(resource.RLIMIT_AS, job["memory_mb"] * 1024 * 1024)
    limit(resource.RLIMIT_CPU, job["cpu_s"])
    limit(resource.RLIMIT_FSIZE, 0)
    limit(resource.RLIMIT_NOFILE, 16)
    for name in ("socket", "create_connection", "create_server", "socketpair", "fromfd", "getaddrinfo"):
        setattr(socket, name, no_network)
    sys.modules["_socket"] = None  # `import _socket` now fails; the patched module keeps the only reference
    out = sys.stdout
    results = []
    scope = {"__name__": "verinstruct_rule"}
    try:
        exec(compile(job["source"], "<dataset function>", "exec"), scope)
        fn = scope.get("check_following")
        if not callable(fn):
            raise NameError("the function source defines no callable check_following")
    except BaseException as e:  # noqa: BLE001 - the code is untrusted; every failure is reported, never raised
        out.write(json.dumps({"results": [{"error": f"{type(e).__name__}: {e}"}] * len(job["responses"])}))
        return
    for response in job["responses"]:
        try:
            results.append(bool(fn(job["instruction"], response)))
        except BaseException as e:  # noqa: BLE001
            results.append({"error": f"{type(e).__name__}: {e}"[:300]})
    out.write(json.dumps({"results": results}))


main()
