/* bench_tui: the editor's two speed figures. (1) Time to the first screen:
 * the real binary started on a pseudo-terminal (80×24) in a repository of
 * 1,000 descriptions, until it has drawn the list and left (it exits after
 * the first paint when ALGEDIT_EXIT_AFTER_DRAW is set); median of 21 runs.
 * (2) Per-key time on a 5,000-character field: a scripted session of
 * keystrokes replayed through app_handle, the handler the loop calls, and
 * the same with the repaint on a terminal writing to /dev/null; p99.
 * Prints tab-separated lines as bench/run-all.sh expects. */
#include "config.h"
#include "tui/app.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "standard/standard.h"

#include <curses.h>
#include <errno.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
	qsort(v, n, sizeof *v, dcmp);
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static const char *sample =
	"description_short: Het algoritme helpt bij het beoordelen van aanvragen voor bijzondere bijstand.\n"
	"organization: Gemeente Voorbeeld\n"
	"category:\n  - Sociale zekerheid\n"
	"status: In gebruik\n"
	"begin_date: \"2021-03\"\n"
	"contact_email: algoritmes@example.nl\n"
	"publication_category: Overige algoritmes\n"
	"goal: |-\n  Het doel is aanvragen sneller en gelijker te beoordelen.\n\n  - minder wachttijd\n  - minder fouten\n"
	"lang: nld\n";

static char *make_repo(int n)
{
	char tmpl[] = "/tmp/algedit-bench-XXXXXX";
	char *dir = xstrdup(mkdtemp(tmpl));
	char *sub = xasprintf("%s/algoritmes", dir);
	mkdir(sub, 0755);
	for (int i = 0; i < n; i++) {
		char *p = xasprintf("%s/beschrijving-%04d.yaml", sub, i);
		char *y = xasprintf("name: Beoordeling aanvraag %d\n%s", i, sample);
		write_file_atomic(p, y, strlen(y));
		free(p);
		free(y);
	}
	free(sub);
	/* A drafts repository as users have it: committed, with an author. */
	char *cmd = xasprintf("cd '%s' && git init -q && git add -A && git -c user.name=Bench -c user.email=bench@example.nl "
	                      "commit -qm 'Beschrijvingen' && git config user.name Bench && git config user.email bench@example.nl",
	                      dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench tui: could not make a git repository in %s\n", dir);
	free(cmd);
	return dir;
}

/* The processor time (user + system, ms) of the last first_screen. */
static double last_cpu;

/* One start of the binary on a pty; returns the milliseconds to its exit. */
static double first_screen(const char *bin, const char *repo)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int fd;
	double t0 = now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("ALGEDIT_EXIT_AFTER_DRAW", "1", 1);
		setenv("TERM", "xterm", 1);
		execl(bin, bin, "-C", repo, (char *)NULL);
		_exit(127);
	}
	char buf[65536];
	int status;
	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r <= 0 && errno != EINTR)
			break;
	}
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	wait4(pid, &status, 0, &ru);
	double t = now_ms() - t0;
	last_cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	close(fd);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : -1;
}

static void key(app *a, int k, double *h, double *hd, size_t *n, bool paint)
{
	tui_event ev = { 0 };
	if (k >= 0x20 && k < 0x7F) {
		ev.kind = EV_CHAR;
		ev.ch = (uint32_t)k;
	} else {
		ev.kind = EV_KEY;
		ev.key = k;
	}
	double t0 = now_ms();
	app_relayout(a, 24, 80);
	app_handle(a, &ev);
	double t1 = now_ms();
	if (paint && a->dirty) {
		a->dirty = false;
		app_settle(a);
		draw(a);
	}
	double t2 = now_ms();
	h[*n] = t1 - t0;
	hd[*n] = t2 - t0;
	(*n)++;
}

static size_t field_chars(void)
{
	const char *e = getenv("BENCH_TUI_CHARS");
	long v = e ? atol(e) : 0;
	return v >= 100 && v <= 1000000 ? (size_t)v : 5000;
}

static void per_key(const char *src, double *p99_handle, double *p99_paint, double *max_paint)
{
	char *err = NULL;
	standard *std = standard_load_version("1.0", &err);
	if (!std) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	/* A description whose Technical operation field holds 5,000 characters
	 * (BENCH_TUI_CHARS another number). */
	size_t want = field_chars();
	strbuf text = STRBUF_INIT;
	while (utf8_count(text.s ? text.s : "", text.len) < want - 50)
		sb_adds(&text, "De gemeente gebruikt een beslisboom die aanvragen ordent; zo’n boom is uitlegbaar. ");
	while (utf8_count(text.s, text.len) < want)
		sb_addc(&text, 'x');
	description *d = desc_new(std);
	const std_field *f = standard_field(std, "methods_and_models");
	desc_set_text(d, f, text.s);
	char path[] = "/tmp/algedit-bench-key-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	close(fd);
	size_t len;
	char *y = desc_format_yaml(d, &len);
	write_file_atomic(path, y, len);
	free(y);
	desc_free(&d);

	FILE *devnull = fopen("/dev/null", "w");
	SCREEN *scr = newterm("xterm", devnull, stdin);
	set_term(scr);
	resizeterm(24, 80);
	app a;
	app_init(&a, std);
	a.utf8 = true;
	/* The real Dutch speller, as in the editor; its dictionary is loaded
	 * before measuring, as it is a moment after the editor starts. */
	spell_ui_start(NULL);
	spell_ui_wait_ready();
	app_open(&a, path, NULL);
	enum { N = 3000 };
	static double h[N], hd[N];
	size_t n = 0, warm = 0;
	for (size_t i = 0; i < f->index; i++)
		key(&a, '\t', h, hd, &warm, true);
	app_relayout(&a, 24, 80);
	app_settle(&a);
	draw(&a);
	a.dirty = false;
	/* The session: move into the text, type words, correct, move by word and
	 * line, undo, new lines; the same script each run. */
	key(&a, TK_CTRL_HOME, h, hd, &n, true);
	for (int i = 0; i < 20; i++)
		key(&a, KEY_DOWN, h, hd, &n, true);
	const char *words = "aanvullend onderzoek naar de werking ";
	while (n < N - 40) {
		for (const char *p = words; *p && n < N - 40; p++)
			key(&a, (unsigned char)*p, h, hd, &n, true);
		key(&a, KEY_BACKSPACE, h, hd, &n, true);
		key(&a, KEY_BACKSPACE, h, hd, &n, true);
		key(&a, TK_CTRL_LEFT, h, hd, &n, true);
		key(&a, TK_CTRL_RIGHT, h, hd, &n, true);
		key(&a, KEY_UP, h, hd, &n, true);
		key(&a, KEY_DOWN, h, hd, &n, true);
		key(&a, KEY_END, h, hd, &n, true);
		key(&a, '\r', h, hd, &n, true);
		key(&a, TK_CTRL('z'), h, hd, &n, true);
	}
	double *c = xmalloc(n * sizeof *c);
	memcpy(c, hd, n * sizeof *c);
	*p99_handle = pct(h, n, 0.99);
	*p99_paint = pct(hd, n, 0.99);
	*max_paint = pct(c, n, 1.0);
	free(c);
	a.form.modified = false;
	app_done(&a);
	spell_ui_stop();
	endwin();
	delscreen(scr);
	fclose(devnull);
	unlink(path);
	standard_free(&std);
	sb_done(&text);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_tui BUILDDIR SRCDIR\n");
		return 2;
	}
	setenv("ALGEDIT_DATADIR", argv[2], 0);
	char *st = xasprintf("/tmp/algedit-bench-state-%d", (int)getpid());
	setenv("XDG_STATE_HOME", st, 1);
	i18n_init();
	/* BENCH_TUI_BIN: another binary's first screen (a baseline);
	 * BENCH_TUI_SCREEN_ONLY: no keys; BENCH_TUI_RUNS: starts timed (21);
	 * BENCH_TUI_NO_CACHE: .git/algedit removed before each start, as after
	 * a clone or a sync. */
	const char *other = getenv("BENCH_TUI_BIN");
	char *bin = other && *other ? xstrdup(other) : xasprintf("%s/algedit", argv[1]);
	bool keys_only = getenv("BENCH_TUI_KEYS_ONLY") != NULL;
	bool screen_only = getenv("BENCH_TUI_SCREEN_ONLY") != NULL;
	bool no_cache = getenv("BENCH_TUI_NO_CACHE") != NULL;
	const char *runs_env = getenv("BENCH_TUI_RUNS");
	int runs = runs_env && atoi(runs_env) > 0 && atoi(runs_env) <= 21 ? atoi(runs_env) : 21;
	/* Keys first: writing the repository below keeps the disk busy for a while. */
	double ph = 0, pp = 0, mx = 0;
	if (!screen_only) {
		fprintf(stderr, "bench tui: replaying keys on a %zu-character field\n", field_chars());
		per_key(argv[2], &ph, &pp, &mx);
	}
	fprintf(stderr, "bench tui: making a repository of 1,000 descriptions\n");
	/* BENCH_TUI_REPO: a repository made elsewhere (bench/review's list of
	 * 1,000 descriptions with review records), kept afterwards. */
	const char *given = getenv("BENCH_TUI_REPO");
	char *repo = keys_only ? xstrdup("/nonexistent") : given ? xstrdup(given) : make_repo(1000);
	double t[21], cpu[21];
	size_t k = 0;
	char *wipe = xasprintf("rm -rf '%s/.git/algedit'", repo);
	if (!keys_only)
		first_screen(bin, repo); /* warm the page cache */
	for (int i = 0; i < runs && !keys_only; i++) {
		if (no_cache && system(wipe) != 0)
			fprintf(stderr, "bench tui: could not remove the caches of %s\n", repo);
		double v = first_screen(bin, repo);
		if (v >= 0) {
			cpu[k] = last_cpu;
			t[k++] = v;
		}
	}
	free(wipe);
	char *rm = given ? xasprintf("rm -rf '%s'", st) : xasprintf("rm -rf '%s' '%s'", repo, st);
	if (system(rm) != 0)
		fprintf(stderr, "bench tui: could not remove %s\n", repo);
	free(rm);
	if (k) {
		printf("first screen, list of 1,000 descriptions, 80x24 (median of %zu)\t%.1f\tms\t-\t-\t30\n", k,
		       pct(t, k, 0.5));
		printf("first screen, processor time (user + system, median)\t%.1f\tms\t-\t-\t-\n", pct(cpu, k, 0.5));
	}
	else
		printf("first screen, list of 1,000 descriptions\tFAILED\tms\t-\t-\t30\n");
	if (!screen_only) {
		printf("key handling, %zu-char field (p99)\t%.3f\tms\t-\t-\t1\n", field_chars(), ph);
		printf("key handling + repaint, %zu-char field (p99)\t%.3f\tms\t-\t-\t1\n", field_chars(), pp);
		printf("key handling + repaint, %zu-char field (max)\t%.3f\tms\t-\t-\t-\n", field_chars(), mx);
	}
	free(bin);
	free(repo);
	free(st);
	return 0;
}
