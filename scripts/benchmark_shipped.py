"""The shipped site against its faithful Hugo twin and against `cp -r`, on tmpfs and on disk.

    python3 scripts/benchmark_shipped.py                  # 3 interleaved rounds on tmpfs, 1 on disk
    python3 scripts/benchmark_shipped.py --disk-runs 0    # tmpfs only
    python3 scripts/benchmark_shipped.py --write-doc      # also refresh the tables in docs/performance.md

Contenders, built from the repository's own content/ and templates/:
- Versus (`versus build`, link check included) and Versus with `--no-link-check`, release build;
- Hugo on the twin that scripts/hugo_twin.py writes from the same content (every feature of the site:
  18 languages, i18n files, a content file per code and per pair, pairs rendered through
  `site.GetPage` and `.Content`, aliases, `partialCached`, hreflang, multilingual sitemaps, JSON search);
- the floor: `cp -r` of Versus's finished output, the same paths and bytes.
Rounds are interleaved (noise hits every contender alike) and medians are quoted. Wall time, CPU time
and peak memory come from wait4() (see benchmark.measure). On tmpfs each round's outputs are deleted
before the next one (deleting costs nothing there); on disk nothing is deleted until the end, because
on this file system a deletion slows the file creation that follows it for minutes.
"""
import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import benchmark  # noqa: E402  (measure, median_of, count_files, settle_disk)

REPO = pathlib.Path(__file__).resolve().parents[1]
CONTENDERS = ["versus", "versus_no_link_check", "hugo", "floor_cp_r"]
NAMES = {"versus": "Versus (`versus build`, link check included)", "versus_no_link_check": "Versus, `--no-link-check`",
         "hugo": "Hugo {version}, faithful twin", "floor_cp_r": "Floor: `cp -r` of Versus's output"}
TARGETS = {"floor": 1.3, "hugo": 0.07}


def round_on(place, run, binary, twin, keep):
    """One round of every contender, writing under `place`; returns their measurements."""
    out = {}
    versus_out = place / f"versus-{run}"
    out["versus"] = benchmark.measure([binary, "build", "--quiet", "--output", str(versus_out)], cwd=REPO)
    nolinks = place / f"versus-nolinks-{run}"
    out["versus_no_link_check"] = benchmark.measure([binary, "build", "--quiet", "--no-link-check", "--output", str(nolinks)], cwd=REPO)
    if not keep:
        shutil.rmtree(nolinks)
    floor = place / f"floor-{run}"
    out["floor_cp_r"] = benchmark.measure(["cp", "-r", str(versus_out), str(floor)])
    if not keep:
        shutil.rmtree(floor)  # Hugo needs several gigabytes of memory; tmpfs shares it
    hugo_out = place / f"hugo-{run}"
    out["hugo"] = benchmark.measure(["hugo", "--quiet", "-s", str(twin), "-d", str(hugo_out)])
    return out, versus_out, hugo_out


def table(title, runs):
    medians = {name: benchmark.median_of([r[name] for r in runs]) for name in CONTENDERS}
    versus = medians["versus"]
    lines = [f"**{title}**, medians of {len(runs)} round{'s' if len(runs) > 1 else ''}:", "",
             "| Full build of the shipped site | Wall | CPU (user + system) | Peak memory | Wall vs Versus |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name in CONTENDERS:
        m = medians[name]
        lines.append(f"| {NAMES[name].format(version=hugo_version())} | {m['wall']:.2f} s | {m['cpu']:.2f} s ({m['user']:.2f} + {m['system']:.2f}) "
                     f"| {m['peak_mb']:.0f} MB | {m['wall'] / versus['wall']:.2f}x |")
    floor_ratio = versus["wall"] / medians["floor_cp_r"]["wall"]
    hugo_ratio = versus["wall"] / medians["hugo"]["wall"]
    lines += ["", "| Ratio | Value | Target | Met |", "| --- | ---: | ---: | --- |",
              f"| Versus / `cp -r`, wall | {floor_ratio:.2f} | at most {TARGETS['floor']} | {'yes' if floor_ratio <= TARGETS['floor'] else 'no'} |",
              f"| Versus / Hugo, wall | {hugo_ratio:.3f} | at most {TARGETS['hugo']} | {'yes' if hugo_ratio <= TARGETS['hugo'] else 'no'} |",
              f"| Versus without link check / `cp -r`, wall | {medians['versus_no_link_check']['wall'] / medians['floor_cp_r']['wall']:.2f} | | |"]
    return "\n".join(lines)


_HUGO_VERSION = None


def hugo_version():
    global _HUGO_VERSION
    if _HUGO_VERSION is None:
        text = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
        match = re.search(r"v\d+\.\d+\.\d+", text)
        _HUGO_VERSION = match.group(0) if match else "?"
    return _HUGO_VERSION


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="rounds on tmpfs (medians are quoted)")
    parser.add_argument("--disk-runs", type=int, default=1, help="rounds on disk (0 to skip; each keeps about 13 GB until the end)")
    parser.add_argument("--tmpfs", default="/dev/shm/versus-benchmark-shipped")
    parser.add_argument("--disk", default="/tmp/versus-benchmark-shipped")
    parser.add_argument("--settle", type=int, default=370, help="seconds to wait before the disk rounds (see benchmark.settle_disk)")
    parser.add_argument("--results", default=str(REPO / "docs/benchmark-shipped-results.json"))
    parser.add_argument("--keep", action="store_true",
                        help="leave the disk outputs in place (delete them later: a deletion slows the next benchmark's file creation)")
    parser.add_argument("--write-doc", action="store_true", help="refresh the shipped-site tables in docs/performance.md")
    args = parser.parse_args()
    binary = str(REPO / ".build/release/versus")
    tmpfs, disk = pathlib.Path(args.tmpfs), pathlib.Path(args.disk)
    for place in (tmpfs, disk):
        if place.exists():
            shutil.rmtree(place)
        place.mkdir(parents=True)

    # The twin is written on tmpfs: its sources are read by Hugo in every round, as Versus reads content/.
    twin = tmpfs / "twin"
    subprocess.run([sys.executable, str(REPO / "scripts/hugo_twin.py"), "--content", str(REPO / "content"), "--target", str(twin)],
                   check=True, stdout=subprocess.DEVNULL)
    results = {"site": "shipped", "tmpfs": [], "disk": []}

    for run in range(args.runs):
        measured, versus_out, hugo_out = round_on(tmpfs, run, binary, twin, keep=False)
        if run == 0:
            results["versus_output"] = dict(zip(["files", "bytes"], benchmark.count_files(versus_out)))
            results["hugo_output"] = dict(zip(["files", "bytes"], benchmark.count_files(hugo_out)))
            comparison = subprocess.run([sys.executable, str(REPO / "scripts/hugo_twin.py"), "--compare", str(versus_out), str(hugo_out)],
                                        capture_output=True, text=True)
            results["page_comparison"] = comparison.stdout
        for folder in (versus_out, hugo_out):
            shutil.rmtree(folder)
        results["tmpfs"].append(measured)
        print(f"  tmpfs round {run + 1}: " + ", ".join(f"{name} {measured[name]['wall']:.2f} s" for name in CONTENDERS), flush=True)

    if args.disk_runs > 0:
        benchmark.settle_disk(args.settle)
        for run in range(args.disk_runs):
            measured, *_ = round_on(disk, run, binary, twin, keep=True)
            results["disk"].append(measured)
            print(f"  disk round {run + 1}: " + ", ".join(f"{name} {measured[name]['wall']:.2f} s" for name in CONTENDERS), flush=True)

    text = table("On tmpfs (`/dev/shm`)", results["tmpfs"])
    if results["disk"]:
        disk_text = table("On disk (ext4)", results["disk"])
        text += "\n\n" + disk_text
    pages = results["versus_output"]["files"]
    header = (f"Shipped site: {pages:,} files from Versus ({results['versus_output']['bytes'] / 2**30:.2f} GiB), "
              f"{results['hugo_output']['files']:,} from the Hugo twin ({results['hugo_output']['bytes'] / 2**30:.2f} GiB).")
    text = header + "\n\n" + text + "\n\nPage by page type (`scripts/hugo_twin.py --compare`):\n\n```\n" + results["page_comparison"].strip() + "\n```"
    print("\n" + text)
    pathlib.Path(args.results).write_text(json.dumps(results, indent=1) + "\n")
    if args.write_doc:
        doc = REPO / "docs/performance.md"
        current = doc.read_text()
        start, end = "<!-- shipped:start -->", "<!-- shipped:end -->"
        if start in current:
            before, rest = current.split(start, 1)
            after = rest.split(end, 1)[1]
            doc.write_text(before + start + "\n" + text + "\n" + end + after)
    shutil.rmtree(tmpfs)
    if not args.keep:
        shutil.rmtree(disk)


if __name__ == "__main__":
    main()
