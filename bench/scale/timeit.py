#!/usr/bin/env python3
"""Runs a command R times (stdout and stderr to /dev/null; with PRE, that
shell command first, untimed, each time) and prints the median wall time in
ms, the largest resident size of one run in MB and the median processor
time (user + system) in ms, which the machine's load moves less.
Usage: timeit.py R [--pre SHELL] [--timeout S] CMD..."""
import os
import resource
import subprocess
import sys
import time

args = sys.argv[1:]
r = int(args.pop(0))
pre = None
timeout = None
while args and args[0].startswith("--"):
    opt = args.pop(0)
    if opt == "--pre":
        pre = args.pop(0)
    elif opt == "--timeout":
        timeout = float(args.pop(0))
ts, rss, cpu = [], 0, []
for _ in range(r):
    if pre:
        subprocess.run(pre, shell=True, check=False)
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_RDWR)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            os.execvp(args[0], args)
        finally:
            os._exit(127)
    deadline = t + timeout if timeout else None
    while True:
        got, status, ru = os.wait4(pid, os.WNOHANG)
        if got:
            break
        if deadline and time.perf_counter() > deadline:
            os.kill(pid, 9)
            os.wait4(pid, 0)
            print("timeout - -")
            sys.exit(0)
        time.sleep(0.001)
    ts.append((time.perf_counter() - t) * 1e3)
    rss = max(rss, ru.ru_maxrss / 1024)
    cpu.append((ru.ru_utime + ru.ru_stime) * 1e3)
ts.sort()
cpu.sort()
print("%.1f %.1f %.1f" % (ts[len(ts) // 2], rss, cpu[len(cpu) // 2]))
