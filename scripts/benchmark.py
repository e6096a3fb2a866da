"""Versus benchmark: one run measures Versus, Hugo and the disk itself on the same synthetic site.

    python3 scripts/benchmark.py                      # ~20,000 pages, 3 runs, growth table to 100,000
    python3 scripts/benchmark.py --codes 100 --locales 10   # ~100,000 pages for the main table
    python3 scripts/benchmark.py --write-doc          # also refresh the tables in docs/performance.md
    python3 scripts/benchmark.py --growth 10000,100000,250000,500000,1000000 --growth-runs 1 --skip-hugo
                                                      # the growth table to 1,000,000 pages (about 40 GB of disk)

It (1) generates a content tree of N codes in L locales with realistic section lengths, (2) builds it
with the release build of Versus, (3) builds a Hugo site with the same number of pages of similar size
(one layout with partials), (4) measures the floor: `cp -r` of Versus's finished output, (5) rebuilds
with no change, after editing one code's description and after editing one label, and (6) prints the
figures and ratios, keeping the raw numbers in docs/benchmark-results.json. Every measurement is
repeated (--runs, at least 3) and the median is quoted: this machine is noisy. Wall time, CPU time
(user + system) and peak memory (max RSS) come from wait4() on each child process.
"""
import argparse
import contextlib
import json
import math
import os
import pathlib
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
LOCALES = ["en", "tr", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "ja", "ko", "zh-hans", "id", "vi", "th", "hi", "ar"]
WORDS = ("server client message mailbox address relay domain transaction reply command queue retry delivery "
         "sender recipient policy storage connection greeting session header body envelope limit quota "
         "temporary permanent error status enhanced code operator bounce filter reputation network timeout "
         "the a of to and in for with after before when while because so that it this their its is are "
         "was will can must should may not only also often usually later again").split()


# ----------------------------------------------------------------------------------------------------
# Measuring a child process


def measure(command, cwd=None, to_disk=False):
    """Runs a command and returns wall seconds, CPU seconds and peak RSS in MB.

    The page cache is flushed first (sync), so that writing back an earlier run's gigabyte of files
    does not land in the middle of this one: every contender starts from a quiet disk.

    With to_disk, the sync that follows the command is timed too ("to_disk" = wall + that sync):
    a command whose output fits in the page cache returns before its files are written, one whose
    output does not waits for the disk while it runs, and only the time to disk puts both alike."""
    os.sync()
    time.sleep(0.5)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark: {' '.join(map(str, command))} failed:\n{stderr}")
    result = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "system": usage.ru_stime,
              "peak_mb": usage.ru_maxrss / 1024}
    if to_disk:
        start = time.perf_counter()
        os.sync()
        result["sync"] = time.perf_counter() - start
        result["to_disk"] = wall + result["sync"]
    return result


def settle_disk(seconds):
    """Waits until the file system has forgotten recent deletions.

    On this machine's file system (ext4 without a journal) a new inode is not given a number that was
    freed recently: the allocator steps over every such free inode, one lookup each. "Recently" is 60
    seconds, or 360 when the inode table block is dirty, which it is as soon as new files are being
    created next to the freed ones. After a deletion of a few ten thousand files, creating a file
    costs up to ten times more for minutes (perf: `recently_deleted` and `find_inode_bit` at 60% of
    the kernel's time). So no measurement may follow a large deletion, whoever made it: this script
    deletes only at the very end, and waits at the start for deletions made before it ran."""
    if seconds <= 0:
        return
    print(f"  waiting {seconds} s for the file system to forget recent deletions (--settle)", flush=True)
    os.sync()
    time.sleep(seconds)


def free_memory(earlier, keep, binary):
    """Gives the next growth row the memory the first one had: writes every dirty page, evicts the
    files of the earlier rows' outputs from the page cache, drops the kernel's cache of inodes and
    directory entries, then reads the files under `keep` back in and runs `binary --help`, so that
    the row's content, the binary and its libraries are in memory again.

    The growth table keeps every row's output (deleting would slow the next row's file creation, see
    settle_disk), so without this each row would start with less free memory than the one before:
    by the 1,000,000-page row, the kernel reclaims earlier rows' pages and inodes while Versus writes,
    and that reclaim is charged to Versus as system time. Only the outputs' own pages are evicted: the
    file system's bitmaps and inode tables stay cached, as they would be on a machine in use (dropping
    the whole page cache made the first row pay ~0.5 s of reading them back). Dropping the inode
    cache needs root; returns whether it was dropped."""
    os.sync()
    for folder in earlier:
        for path in files_under(folder):
            descriptor = os.open(path, os.O_RDONLY)
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(descriptor)
    try:
        pathlib.Path("/proc/sys/vm/drop_caches").write_text("2\n")
        dropped = True
    except OSError:
        dropped = False
    for path in files_under(keep):
        with open(path, "rb") as handle:
            handle.read()
    subprocess.run([binary, "--help"], stdout=subprocess.DEVNULL, check=True)
    return dropped


PAGE_REPORTING = pathlib.Path("/sys/module/page_reporting/parameters/page_reporting_order")


def first_touch_us(gib=2):
    """Microseconds per 4 KiB page to fault in `gib` GiB of fresh anonymous memory (MAP_POPULATE).
    Done in a child process: a child forked later inherits this process's peak memory, which would
    then show as every build's peak."""
    probe = ("import mmap, time; start = time.perf_counter(); "
             f"mmap.mmap(-1, {gib << 30}, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE).close(); "
             f"print((time.perf_counter() - start) / {(gib << 30) // 4096} * 1e6)")
    return float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)


@contextlib.contextmanager
def memory_kept_by_the_guest():
    """Keeps the machine's free memory backed by the host while the growth rows run.

    On a virtual machine with virtio-balloon free page reporting (this machine kind has it), memory
    that stays free for a few seconds is handed back to the host, and the guest's next touch of each
    such page waits for the host to back it again: 7-10 µs per 4 KiB page here, against 1.3-2 µs for
    memory freed a moment before. A row writes its output through the page cache, so the
    1,000,000-page row (about 12 GB of pages and inodes) paid that on most of its memory where the
    250,000-page row (3 GB) mostly reused memory freed just before it; its system time per page rose
    by a half, in memset and copies into new pages, for Versus and `cp -r` alike. That is the host's
    cost, not the generator's, so for the growth rows free page reporting is turned off (the order of
    the smallest reported block is set above the largest block the kernel has) and every free page is
    touched once; the setting is put back afterwards. Needs root; yields what was done, for the results."""
    probe_before = first_touch_us()
    try:
        original = PAGE_REPORTING.read_text().strip()
        # /proc/buddyinfo has a column per block order: one more than the largest is never reported.
        orders = len(pathlib.Path("/proc/buddyinfo").read_text().splitlines()[0].split()) - 4
        PAGE_REPORTING.write_text(f"{orders}\n")
    except (OSError, IndexError):
        yield {"free_page_reporting": "left on (not available or not root)", "first_touch_us": round(probe_before, 2)}
        return
    try:
        free = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemFree:")) * 1024
        touched = max(0, free - (1 << 30)) >> 30  # all but 1 GiB, so nothing is evicted for it
        if touched:
            first_touch_us(touched)
        yield {"free_page_reporting": f"off during the growth rows (order {original} -> {orders})",
               "touched_gib": touched, "first_touch_us_before": round(probe_before, 2),
               "first_touch_us_after": round(first_touch_us(), 2)}
    finally:
        PAGE_REPORTING.write_text(original + "\n")


def median_of(runs):
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def fresh(path):
    if path.exists():
        shutil.rmtree(path)
    return path


def files_under(folder):
    """The path of every file under `folder`, at any depth."""
    for root, _, files in os.walk(folder):
        for name in files:
            yield os.path.join(root, name)


def count_files(folder):
    total, size = 0, 0
    for path in files_under(folder):
        total += 1
        size += os.path.getsize(path)
    return total, size


# ----------------------------------------------------------------------------------------------------
# The synthetic site


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(sentences))


def code_numbers(count):
    numbers = []
    for first in "2345":
        numbers += [f"{first}{rest:02d}" for rest in range(100)]
    step = len(numbers) / count
    return [numbers[int(i * step)] for i in range(count)]


def code_body(rng, code):
    return f"""## Description

{paragraph(rng, 4)}

{paragraph(rng, 3)}

## When you see it

- **Sending:** {paragraph(rng, 2)}
- **Running the server:** {paragraph(rng, 2)}

## How to fix

- **Sending:** {paragraph(rng, 2)}
- **Running the server:** {paragraph(rng, 3)}

## Example

```
C: RCPT TO:<someone@example.org>
S: {code} {code[0]}.1.1 {sentence(rng, 6)}
C: QUIT
S: 221 2.0.0 Bye
```

## Notes

{paragraph(rng, 2)}
"""


def generate_content(target, codes, locales):
    """Writes content/ for `codes` codes in `locales` locales; returns the list of code numbers."""
    rng = random.Random(42)
    fresh(target)
    (target / "smtp/pairs").mkdir(parents=True)
    (target / "locales").mkdir()
    used = LOCALES[:locales]
    site = "base_url: https://bench.example/\ndefault_locale: en\nlocales:\n"
    for code in used:
        name = code.upper()
        site += f"  - code: {code}\n    name: {name}\n    direction: {'rtl' if code == 'ar' else 'ltr'}\n"
    (target / "site.yml").write_text(site)
    for code in used:
        shutil.copy(REPO / f"content/locales/{code}.yml", target / f"locales/{code}.yml")
    family = "name: SMTP\ncode_pattern: \"[2-5][0-9][0-9]\"\nclasses:\n"
    for digit, name in [("2", "Positive Completion"), ("3", "Positive Intermediate"),
                        ("4", "Transient Negative Completion"), ("5", "Permanent Negative Completion")]:
        family += f'  "{digit}":\n' + "".join(f"    {code}: {name} {code}\n" for code in used)
    (target / "smtp/family.yml").write_text(family)
    numbers = code_numbers(codes)
    for index, code in enumerate(numbers):
        related = ", ".join(numbers[(index + k) % len(numbers)] for k in (1, 2))
        title = " ".join(rng.choice(WORDS).title() for _ in range(3))
        (target / f"smtp/{code}.md").write_text(f"""---
code: {code}
title: {title} {code}
status: standard
summary: {sentence(rng, 16)}
rfcs: [5321 4.2.2, 5321 3.{index % 9 + 1}]
commands: [RCPT, DATA]
used_with: []
related: [{related}]
---
{code_body(rng, code)}""")
        for locale in used[1:]:
            # Every locale has its titles and summaries; half of the body sections are translated.
            (target / f"smtp/{code}.{locale}.md").write_text(f"""---
title: {title} {code} {locale}
summary: {sentence(rng, 16)}
---
## Description

{paragraph(rng, 4)}

## How to fix

- **{locale}:** {paragraph(rng, 3)}
""")
    for index in range(min(20, len(numbers) - 1)):
        low, high = numbers[index], numbers[index + 1]
        (target / f"smtp/pairs/{low}-{high}.md").write_text(
            f"## Difference\n\n{paragraph(rng, 4)}\n\n## When to use which\n\n- {paragraph(rng, 2)}\n- {paragraph(rng, 2)}\n")
    return numbers


def pages_for(codes, locales):
    """Versus's HTML pages: per locale home, 404, family index, N codes, N(N-1) comparison URLs."""
    return locales * (3 + codes + codes * (codes - 1))


def shape_for(pages, locales):
    """The number of codes that gives about `pages` pages in `locales` locales."""
    return max(2, round(math.sqrt(max(1, pages / locales - 3))))


# ----------------------------------------------------------------------------------------------------
# The equivalent Hugo site: the same number of pages, similar page size, one layout with partials


HUGO_LAYOUT = """{{ partial "head.html" . }}
<body>
{{ partial "header.html" . }}
<main id="main">
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.summary }}</p>
{{ with .Params.facts }}<table class="facts">{{ range . }}<tr><th>{{ .label }}</th><td>{{ .a }}</td><td>{{ .b }}</td></tr>{{ end }}</table>{{ end }}
{{ .Content }}
{{ if .Params.facts }}{{ partial "picker.html" . }}{{ end }}
{{ with .Params.links }}<ul class="links">{{ range . }}<li><a href="{{ .url }}">{{ .text }}</a></li>{{ end }}</ul>{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""
HUGO_HEAD = """<!DOCTYPE html>
<html lang="{{ .Params.lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title><meta name="description" content="{{ .Params.summary }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .Params.alternates }}<link rel="alternate" hreflang="{{ .lang }}" href="{{ .url }}">{{ end }}
<link rel="stylesheet" href="/assets/style.css"></head>
"""
HUGO_HEADER = """<header class="site-header"><a href="/">{{ .Site.Title }}</a>
<nav><ul>{{ range .Params.alternates }}<li><a href="{{ .url }}" hreflang="{{ .lang }}">{{ .lang }}</a></li>{{ end }}</ul></nav>
<form class="search" hidden><input type="search"></form></header>
"""
HUGO_PICKER = """<form class="picker" hidden><select>{{ range .Site.Data.codes.list }}<option value="{{ .path }}">{{ .code }} {{ .title }}</option>{{ end }}</select>
<select>{{ range .Site.Data.codes.list }}<option value="{{ .path }}">{{ .code }} {{ .title }}</option>{{ end }}</select></form>
"""
HUGO_FOOTER = """<footer class="site-footer"><p>{{ .Site.Params.footer }}</p></footer>
"""


def generate_hugo(target, content, numbers, locales):
    """One Hugo content file per Versus page, at the same URL, with the Markdown that page shows."""
    fresh(target)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "layouts/partials").mkdir(parents=True)
    (target / "content/p").mkdir(parents=True)
    (target / "layouts/_default/single.html").write_text(HUGO_LAYOUT)
    (target / "layouts/_default/list.html").write_text(HUGO_LAYOUT)
    (target / "layouts/index.html").write_text(HUGO_LAYOUT)
    (target / "layouts/partials/head.html").write_text(HUGO_HEAD)
    (target / "layouts/partials/header.html").write_text(HUGO_HEADER)
    (target / "layouts/partials/footer.html").write_text(HUGO_FOOTER)
    (target / "layouts/partials/picker.html").write_text(HUGO_PICKER)
    (target / "data").mkdir()
    titles = {code: (content / f"smtp/{code}.md").read_text().split("title: ", 1)[1].split("\n", 1)[0] for code in numbers}
    (target / "data/codes.json").write_text(json.dumps({"list": [{"code": c, "title": titles[c], "path": f"{c}-x"} for c in numbers]}))
    (target / "config.toml").write_text(
        'baseURL = "https://bench.example/"\ntitle = "SMTP Reply Codes"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]\n'
        '[params]\nfooter = "Written from the RFCs."\n[markup.goldmark.renderer]\nunsafe = false\n')
    bodies = {code: (content / f"smtp/{code}.md").read_text().split("---\n", 2)[2] for code in numbers}
    used = LOCALES[:locales]
    written = 0

    def page(suffix, title, body, lang, facts=None, links=None):
        nonlocal written
        prefix = "/" if lang == "en" else f"/{lang}/"
        alternates = [{"lang": other, "url": ("/" if other == "en" else f"/{other}/") + suffix} for other in used]
        front = {"title": title, "url": prefix + suffix, "summary": title + ".", "lang": lang, "alternates": alternates,
                 "facts": facts or [], "links": links or []}
        name = "_index.md" if (lang == "en" and suffix == "") else f"p/{written}.md"
        (target / "content" / name).write_text(json.dumps(front) + "\n\n" + body)
        written += 1

    facts = [{"label": label, "a": "value a", "b": "value b"} for label in ("Class", "Status", "Retry", "Commands",
                                                                             "Connection", "RFC", "Enhanced")]
    for lang in used:
        prefix = "/" if lang == "en" else f"/{lang}/"
        listing = "\n".join(f"- [{code}]({prefix}smtp/{code}/)" for code in numbers)
        page("", "Home", listing, lang)
        page("404-page/", "Not found", listing, lang)
        page("smtp/", "SMTP", listing, lang)
        for code in numbers:
            links = [{"url": f"{prefix}compare/smtp/{code}-vs-{other}/", "text": f"{code} vs {other}"} for other in numbers if other != code]
            page(f"smtp/{code}/", f"SMTP {code}", bodies[code], lang, facts, links)
        for low_index, low in enumerate(numbers):
            for high in numbers[low_index + 1:]:
                body = f"## {low}\n\n{bodies[low]}\n\n## {high}\n\n{bodies[high]}"
                page(f"compare/smtp/{low}-vs-{high}/", f"SMTP {low} vs {high}", body, lang, facts)
                page(f"compare/smtp/{high}-vs-{low}/", f"SMTP {high} vs {low}",
                     f"This comparison lives at [{low} vs {high}]({prefix}compare/smtp/{low}-vs-{high}/).", lang)
    return written


# ----------------------------------------------------------------------------------------------------
# The runs


def versus_build(binary, content, output, *extra, to_disk=False):
    return measure([binary, "build", "--content", str(content), "--templates", str(REPO / "templates"),
                    "--output", str(output), "--quiet", *extra], to_disk=to_disk)


def edit(path, old, new):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codes", type=int, default=45, help="codes in the main site (45 x 10 locales = 20,280 pages)")
    parser.add_argument("--locales", type=int, default=10, help=f"locales, 1 to {len(LOCALES)}")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every measurement (medians are quoted)")
    parser.add_argument("--growth", default="10000,20000,50000,100000", help="page counts for the growth table ('' to skip)")
    parser.add_argument("--growth-runs", type=int, default=0,
                        help="repetitions per growth row (default: --runs; rows under 200,000 pages get 3 at least); 1 for "
                             "a table up to 1,000,000 pages, whose outputs (about 13 GB and its copy) are kept until the end "
                             "like every other")
    parser.add_argument("--skip-hugo", action="store_true", help="measure Versus and the floor only")
    parser.add_argument("--settle", type=int, default=370,
                        help="seconds to wait before measuring, so that earlier deletions do not slow file creation")
    parser.add_argument("--work", default="/tmp/versus-benchmark", help="scratch folder (needs a few GB)")
    parser.add_argument("--results", default=str(REPO / "docs/benchmark-results.json"))
    parser.add_argument("--write-doc", action="store_true", help="refresh the tables in docs/performance.md")
    args = parser.parse_args()
    args.runs = max(3, args.runs)
    binary = str(REPO / ".build/release/versus")
    work = pathlib.Path(args.work)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    content = work / "content"
    numbers = generate_content(content, args.codes, args.locales)
    pages = pages_for(args.codes, args.locales)
    print(f"Site: {args.codes} codes x {args.locales} locales = {pages:,} pages; {args.runs} runs each; "
          f"{os.cpu_count()} cores", flush=True)

    results = {"machine": {"cores": os.cpu_count(), "platform": platform.platform()},
               "site": {"codes": args.codes, "locales": args.locales, "pages": pages}, "runs": args.runs}

    # Full builds, the floor and Hugo, interleaved run by run so that noise hits all of them alike.
    versus_runs, linkless_runs, compressed_runs, floor_runs, hugo_runs = [], [], [], [], []
    if not args.skip_hugo:
        hugo_pages = generate_hugo(work / "hugo", content, numbers, args.locales)
        results["site"]["hugo_pages"] = hugo_pages
    # Every content tree is written before the wait: even the thousand files of a content tree,
    # deleted to make the next one, would slow the file creation of the builds that follow.
    growth_shapes = []
    for wanted in [int(p) for p in args.growth.split(",") if p]:
        codes = shape_for(wanted, args.locales)
        generate_content(work / f"growth-content-{codes}", codes, args.locales)
        growth_shapes.append(codes)
    settle_disk(args.settle)
    for run in range(args.runs):
        output = fresh(work / f"out-versus-{run}")
        versus_runs.append(versus_build(binary, content, output))
        linkless = fresh(work / f"out-versus-nolinks-{run}")
        linkless_runs.append(versus_build(binary, content, linkless, "--no-link-check"))
        compressed_runs.append(versus_build(binary, content, fresh(work / f"out-versus-compress-{run}"), "--compress"))
        floor = fresh(work / f"out-floor-{run}")
        floor_runs.append(measure(["cp", "-r", str(output), str(floor)]))
        if not args.skip_hugo:
            hugo_out = fresh(work / f"out-hugo-{run}")
            hugo_runs.append(measure(["hugo", "--quiet", "-s", str(work / "hugo"), "-d", str(hugo_out)]))
        print(f"  run {run + 1}: versus {versus_runs[-1]['wall']:.2f} s, without link check {linkless_runs[-1]['wall']:.2f} s, "
              f"floor {floor_runs[-1]['wall']:.2f} s" + (f", hugo {hugo_runs[-1]['wall']:.2f} s" if hugo_runs else ""), flush=True)
    files, size = count_files(work / "out-versus-0")
    results["output"] = {"files": files, "bytes": size, "average_page_bytes": size // max(1, files)}
    if hugo_runs:
        hugo_files, hugo_size = count_files(work / "out-hugo-0")
        results["hugo_output"] = {"files": hugo_files, "bytes": hugo_size, "average_page_bytes": hugo_size // max(1, hugo_files)}
    results["full"] = {"versus": versus_runs, "versus_no_link_check": linkless_runs, "versus_compress": compressed_runs,
                       "floor_cp_r": floor_runs, "hugo": hugo_runs}

    # Growth: Versus at growing page counts, before any rebuild has replaced (and so freed) a file.
    # Each row also copies Versus's output with `cp -r`: how the disk itself scales with the page count.
    # Every build starts with the earlier outputs (all of the full builds above, whatever --runs, and
    # the growth rows before it) out of memory (see free_memory) and is timed to disk.
    growth, written = [], sorted(work.glob("out-*"))
    # The growth rows run with the machine's free memory kept by the guest (see memory_kept_by_the_guest).
    with memory_kept_by_the_guest() if growth_shapes else contextlib.nullcontext() as memory:
        results["growth_memory"] = memory
        if memory:
            print(f"  growth memory: {memory}", flush=True)
        for codes in growth_shapes:
            size = pages_for(codes, args.locales)
            growth_content = work / f"growth-content-{codes}"
            runs, floors, dropped = [], [], True
            # A build of about a hundred thousand pages or fewer takes seconds, where one run can be a quarter
            # off on this machine: those rows take the median of three runs whatever --growth-runs says.
            # (The rows are made to about the page count asked for: 100,000 gives 100,030.)
            repeats = max(args.growth_runs or args.runs, 3 if size < 200_000 else 1)
            for run in range(repeats):
                dropped = free_memory(written, growth_content, binary) and dropped
                output = fresh(work / f"out-growth-{size}-{run}")
                runs.append(versus_build(binary, growth_content, output, to_disk=True))
                floor = fresh(work / f"out-growth-floor-{size}-{run}")
                floors.append(measure(["cp", "-r", str(output), str(floor)], to_disk=True))
                written += [output, floor]
            row = median_of(runs)
            growth.append({"pages": size, "codes": codes, "runs": runs, "median": row, "floor_runs": floors,
                           "floor_median": median_of(floors), "inode_cache_dropped": dropped})
            print(f"  growth {size:,} pages: {row['wall']:.2f} s ({row['to_disk']:.2f} s to disk), {row['peak_mb']:.0f} MB, "
                  f"floor {growth[-1]['floor_median']['wall']:.2f} s ({growth[-1]['floor_median']['to_disk']:.2f} s to disk)",
                  flush=True)
    results["growth"] = growth

    # Determinism: --jobs 1 gives the same bytes as all cores.
    one_job = fresh(work / "out-versus-jobs1")
    versus_build(binary, content, one_job, "--jobs", "1")
    same = subprocess.run(["diff", "-r", "-q", str(work / "out-versus-0"), str(one_job)], capture_output=True).returncode == 0
    results["identical_jobs_1_and_all"] = same

    # Rebuilds on the first output.
    target = work / "out-versus-0"
    rebuilds = {"no_change": [], "one_description": [], "one_label": [], "one_default_label": []}
    first_code = content / f"smtp/{numbers[0]}.md"
    # Replacing a file frees the old one's inode, so the rebuilds that replace every page come last.
    for run in range(args.runs):
        rebuilds["no_change"].append(versus_build(binary, content, target))
        edit(first_code, "## Description\n\n", f"## Description\n\nEdited in run {run}. ")
        rebuilds["one_description"].append(versus_build(binary, content, target))
        edit(content / "locales/de.yml", "learn_more: ", f"learn_more: {run} ")
        rebuilds["one_label"].append(versus_build(binary, content, target))
    for run in range(args.runs):
        edit(content / "locales/en.yml", "learn_more: ", f"learn_more: {run} ")
        rebuilds["one_default_label"].append(versus_build(binary, content, target))
    results["rebuilds"] = rebuilds
    results["rebuild_pages"] = {
        "one_description": args.locales * args.codes,  # its code page and its N-1 comparisons, per locale
        "one_label": pages // args.locales,
    }

    report = render_tables(results)
    print(report)
    pathlib.Path(args.results).write_text(json.dumps(results, indent=1) + "\n")
    print(f"Raw numbers: {args.results}")
    if args.write_doc:
        doc = REPO / "docs/performance.md"
        text = doc.read_text()
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        doc.write_text(before + start + "\n" + report + "\n" + end + after)
        print(f"Tables written to {doc}")

    # Deleting is left to the very end, after the results are written (deleting the growth table's
    # 40 GB takes half an hour): on this file system (ext4 mounted with discard) removing a gigabyte
    # of small files slows every write that follows it for a while, so no measured run may come
    # after a deletion of the benchmark's own outputs.
    print(f"Deleting the outputs in {work}", flush=True)
    for folder in work.glob("out-*"):
        shutil.rmtree(folder, ignore_errors=True)


def render_tables(results):
    full = {name: median_of(runs) for name, runs in results["full"].items() if runs}
    versus, floor = full["versus"], full["floor_cp_r"]
    lines = [f"Site: {results['site']['codes']} codes in {results['site']['locales']} locales, "
             f"{results['site']['pages']:,} pages ({results['output']['files']:,} files, "
             f"{results['output']['bytes'] / 1e6:.0f} MB, {results['output']['average_page_bytes'] / 1024:.1f} KB per file"
             + (f"; Hugo wrote {results['hugo_output']['files']:,} files, {results['hugo_output']['average_page_bytes'] / 1024:.1f} KB per file"
                if "hugo_output" in results else "") + f"). Medians of {results['runs']} runs on {results['machine']['cores']} cores.",
             "", "| Full build | Wall | CPU (user + system) | Peak memory | Wall vs Versus |", "| --- | ---: | ---: | ---: | ---: |"]
    names = {"versus": "Versus (`versus build`, link check included)", "versus_no_link_check": "Versus, `--no-link-check`",
             "versus_compress": "Versus, `--compress` (.gz and .br of every text file)",
             "floor_cp_r": "Floor: `cp -r` of Versus's output", "hugo": "Hugo " + hugo_version()}
    for key in ["versus", "versus_no_link_check", "versus_compress", "floor_cp_r", "hugo"]:
        if full.get(key):
            row = full[key]
            split = f" ({row['user']:.2f} + {row['system']:.2f})" if "user" in row else ""
            lines.append(f"| {names[key]} | {row['wall']:.2f} s | {row['cpu']:.2f} s{split} | {row['peak_mb']:.0f} MB | "
                         f"{row['wall'] / versus['wall']:.2f}x |")
    lines += ["", "| Ratio | Value | Target |", "| --- | ---: | ---: |"]
    if "hugo" in full:
        lines.append(f"| Versus / Hugo, wall | {versus['wall'] / full['hugo']['wall']:.3f} | at most 0.2 |")
    lines.append(f"| Versus / floor, wall | {versus['wall'] / floor['wall']:.2f} | at most 1.5 |")
    lines.append(f"| Versus without link check / floor, wall | {full['versus_no_link_check']['wall'] / floor['wall']:.2f} | |")
    lines.append(f"| Output identical with --jobs 1 and all cores | {'yes' if results['identical_jobs_1_and_all'] else 'NO'} | yes |")
    rebuilds = {name: median_of(runs) for name, runs in results["rebuilds"].items()}
    lines += ["", "| Rebuild | Wall | Share of the full build | Pages that show the change | Time above no change, per such page |",
              "| --- | ---: | ---: | ---: | ---: |"]
    labels = {"no_change": ("No change", 0),
              "one_description": ("One code's description edited", results["rebuild_pages"]["one_description"]),
              "one_label": ("One label edited in one locale (de)", results["rebuild_pages"]["one_label"]),
              "one_default_label": ("One label edited in the default locale (every locale falls back to it)", results["site"]["pages"])}
    for key, (label, shown) in labels.items():
        row = rebuilds[key]
        # If a rebuild costs the no-change baseline plus the pages it must render, this column is
        # about the same for every row: time proportional to the pages that show the change.
        marginal = f"{1e6 * (row['wall'] - rebuilds['no_change']['wall']) / shown:.0f} µs" if shown else ""
        lines.append(f"| {label} | {row['wall']:.2f} s | {100 * row['wall'] / versus['wall']:.1f}% | {shown:,} | {marginal} |")
    if results["growth"]:
        lines += render_growth(results["growth"], results.get("growth_memory"))
    return "\n".join(lines)


def render_growth(growth, memory=None):
    """The growth table, per page: wall time until the build returns and until its files are on disk
    (build + sync), user and system CPU, peak memory, and the same two times for `cp -r`."""
    def micro(seconds, row):
        return f"{1e6 * seconds / row['pages']:.0f} µs"
    lines = ["", "| Growth: pages | Codes | Wall | Per page | Per page, to disk | User CPU per page | System CPU per page "
                 "| Peak memory | `cp -r` per page | `cp -r` per page, to disk |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in growth:
        median, floor = row["median"], row["floor_median"]
        lines.append(f"| {row['pages']:,} | {row['codes']} | {median['wall']:.2f} s | {micro(median['wall'], row)} | "
                     f"{micro(median['to_disk'], row)} | {micro(median['user'], row)} | {micro(median['system'], row)} | "
                     f"{median['peak_mb']:.0f} MB | {micro(floor['wall'], row)} | {micro(floor['to_disk'], row)} |")

    def spread(key):
        per_page = [row["median"][key] / row["pages"] for row in growth]
        return 100 * (max(per_page) / min(per_page) - 1)
    lines.append(f"\nTime per page varies by {spread('to_disk'):.0f}% to disk and by {spread('wall'):.0f}% until the build "
                 f"returns, across the growth table (target: within 25%)."
                 + ("" if all(row.get("inode_cache_dropped") for row in growth)
                    else " The inode cache could not be dropped before every row (not root), so later rows started with less free memory."))
    if memory and "touched_gib" in memory:
        lines.append(f"Free page reporting was off during the rows and {memory['touched_gib']} GiB of free memory was touched "
                     f"first: faulting in fresh memory took {memory['first_touch_us_before']} µs per 4 KiB page before, "
                     f"{memory['first_touch_us_after']} µs after.")
    elif memory:
        lines.append(f"Free page reporting was {memory['free_page_reporting']}: fresh memory took "
                     f"{memory['first_touch_us']} µs per 4 KiB page to fault in, so larger rows pay more per page.")
    return lines


def hugo_version():
    try:
        return subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1].split("+")[0]
    except Exception:
        return ""


if __name__ == "__main__":
    main()
