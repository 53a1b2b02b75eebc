/* demo: `algedit demo` lists the shipped demos (key scripts in the demos
 * folder of algedit's data, doc/demos/ in the source tree), and `algedit
 * demo --play FILE|NAME [--speed N] [--present]` plays one in the editor, in
 * a sandbox: a new drafts repository, journal, config and home in a
 * temporary folder, removed afterwards. The person's own repository (-C,
 * $ALGEDIT_REPO, the default one) is never opened. Starting again (r) plays
 * the script in a fresh sandbox. */
#include "config.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "tui/persist.h"
#include "forms/keyscript.h"
#include "store/store.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder of the shipped demos: installed, <datadir>/demos; in the
 * source tree, doc/demos. */
static char *demo_dir(void)
{
	const char *d = algedit_datadir();
	char *p = xasprintf("%s/demos", d);
	struct stat st;
	if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		return p;
	free(p);
	return xasprintf("%s/doc/demos", d);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The shipped demos' file names (NAME.keys), sorted; returns how many. */
static size_t demo_names(const char *dir, char ***out)
{
	*out = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !str_ends(e->d_name, ".keys"))
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(*out, n, sizeof **out, by_name);
	return n;
}

/* A demo's title: its first comment line. */
static char *demo_title(const char *path)
{
	char *data;
	size_t len;
	if (read_file(path, KS_MAX_BYTES, &data, &len) < 0)
		return xstrdup("");
	char *t = NULL;
	for (char *l = data; l < data + len;) {
		char *nl = memchr(l, '\n', (size_t)(data + len - l));
		size_t n = nl ? (size_t)(nl - l) : (size_t)(data + len - l);
		if (n > 1 && l[0] == '#') {
			char *s = l + 1;
			while (*s == ' ' && s < l + n)
				s++;
			t = xstrndup(s, (size_t)(l + n - s));
			break;
		}
		l += n + 1;
	}
	free(data);
	return t ? t : xstrdup("");
}

static int list_demos(void)
{
	char *dir = demo_dir();
	char **names;
	size_t n = demo_names(dir, &names);
	if (!n) {
		cli_error("demo", _("no demos found in %s"), dir);
		free(dir);
		return 1;
	}
	printf("%s\n", _("The demos that come with algedit (play one with algedit demo --play NAME):"));
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		char *title = demo_title(path);
		names[i][strlen(names[i]) - 5] = '\0';
		printf("  %-22s %s\n", esc_line(names[i]), esc_line(title));
		free(title);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
	return 0;
}

static const char *key_word(const char *k)
{
	static const struct { const char *script, *shown; } w[] = {
		{ "Enter", N_("Enter") }, { "Tab", N_("Tab") }, { "Space", N_("Space") }, { "Esc", N_("Esc") },
		{ "Backspace", N_("Backspace") }, { "Delete", N_("Del") }, { "PageUp", N_("PgUp") },
		{ "PageDown", N_("PgDn") }, { "Up", "↑" }, { "Down", "↓" }, { "Left", "←" }, { "Right", "→" },
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (!strcmp(k, w[i].script))
			return w[i].shown[0] & 0x80 ? w[i].shown : _(w[i].shown);
	return k;
}

/* --plain: the demo as text, one step a line, for a screen reader or a
 * handout: the captions, the keys (Ctrl-N, not C-n) and what is typed. */
static void transcript(const keyscript *ks)
{
	for (size_t i = 0; i < ks->n; i++) {
		const ks_step *st = &ks->v[i];
		char kb[24];
		switch (st->kind) {
		case KS_CAPTION:
			printf("\n%s\n", esc_line(st->text));
			break;
		case KS_TEXT:
			printf("  %s %s\n", _("Type:"), esc_line(st->text));
			break;
		case KS_KEY: {
			const char *k = ks_key_name(&st->key, kb);
			if (!k)
				break;
			strbuf b = STRBUF_INIT;
			while (k[0] && k[1] == '-' && k[2]) {
				sb_adds(&b, k[0] == 'C' ? "Ctrl-" : k[0] == 'M' ? "Alt-" : "Shift-");
				k += 2;
			}
			/* Ctrl-N as the editor writes it; Alt-c keeps its letter. */
			if (k[0] && !k[1] && b.len >= 5 && !strncmp(b.s + b.len - 5, "Ctrl-", 5))
				sb_addc(&b, (char)(k[0] - 'a' + 'A'));
			else
				sb_adds(&b, key_word(k));
			printf("  %s %s\n", _("Key:"), b.s);
			sb_done(&b);
			break;
		}
		case KS_WAIT:
		case KS_SIZE:
			break;
		}
	}
}

static int play(const char *arg, double speed, bool present)
{
	/* A name of a shipped demo, else a file. */
	char *path = NULL;
	if (!strchr(arg, '/') && !str_ends(arg, ".keys")) {
		char *dir = demo_dir();
		path = xasprintf("%s/%s.keys", dir, arg);
		free(dir);
		if (access(path, R_OK) != 0) {
			cli_error("demo", _("no demo called \"%s\"; algedit demo lists them"), arg);
			free(path);
			return 2;
		}
	} else {
		path = xstrdup(arg);
	}
	char *data;
	size_t len;
	if (read_file(path, KS_MAX_BYTES + 1, &data, &len) < 0) {
		cli_error("demo", _("cannot read %s: %s"), path, errno == EFBIG ? _("the file is larger than a demo needs (1 MB at most)") : strerror(errno));
		free(path);
		return 2;
	}
	keyscript ks;
	char *err = NULL;
	int rc = ks_parse(&ks, path, data, len, &err);
	free(data);
	if (rc < 0) {
		cli_error("demo", "%s", err);
		free(err);
		free(path);
		return 2;
	}
	free(path);
	if (cli_plain) {
		transcript(&ks);
		ks_done(&ks);
		return 0;
	}
	/* Checked after the script, so a broken one is reported anywhere. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("demo", "%s", _("a demo plays in the full-screen editor: run it in a terminal"));
		ks_done(&ks);
		return 2;
	}
	char *e = NULL;
	standard *std = standard_load_version("1.0", &e);
	if (!std) {
		cli_error("demo", _("the standard files are broken: %s"), e);
		free(e);
		ks_done(&ks);
		return 2;
	}
	tui_demo_opts o = { .play = &ks, .speed = speed, .present = present, .high_contrast = present || cli_high_contrast };
	tui_demo_set(&o);
	rc = 0;
	for (;;) {
		char *box = cli_sandbox_make();
		if (!box) {
			rc = 2;
			break;
		}
		tui_demo_sandbox(box);
		rc = cli_sandbox_list("demo", std, box, _("the demo's sandbox"), NULL);
		tui_demo_sandbox(NULL);
		cli_sandbox_remove(box);
		free(box);
		/* Also forgets the caption shown, whatever the answer. */
		if (!tui_demo_restart() || rc)
			break;
	}
	standard_free(&std);
	ks_done(&ks);
	return rc;
}

int cmd_demo(int argc, char **argv)
{
	const char *file = NULL;
	double speed = 1;
	bool present = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			return cmd_help(2, (char *[]){ (char *)"help", (char *)"demo", NULL });
		} else if (!strcmp(argv[i], "--play") && i + 1 < argc) {
			file = argv[++i];
		} else if (!strcmp(argv[i], "--speed") && i + 1 < argc) {
			char *end;
			speed = strtod(argv[++i], &end);
			if (*end || !(speed >= 0.1 && speed <= 100)) {
				cli_error("demo", "%s", _("--speed needs a number from 0.1 to 100 (2: twice as fast)"));
				return 2;
			}
		} else if (!strcmp(argv[i], "--present")) {
			present = true;
		} else {
			cli_usage(stderr, "demo");
			return 2;
		}
	}
	if (!file)
		return list_demos();
	return play(file, speed, present || cli_present);
}
