#!/usr/bin/env python3
"""Is a change slower? Builds the shipped site with two release builds of versus, interleaved, and
compares them: a full build with the link check (on tmpfs and on disk), a no-change rebuild and a
rebuild in which every page changes (another --base-url), with wall time, CPU time and peak memory as medians and as ratios (this machine is noisy, so only the
ratio within one run means something). It also says whether the two outputs are byte-identical.

    scripts/compare-revisions BASE_REVISION        (the current work tree is the other side)

The base revision is checked out in a git worktree and built there with a scratch folder of its own
(.build-compare, git-ignored); each side builds with its own templates and content.
"""

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark import measure  # noqa: E402  (wall, CPU, user CPU and peak memory of one command)


def build_release(tree, scratch):
    # Both sides are built by this tree's scripts/build-release (an older revision's own build may
    # not link the runtime statically), so that only the code differs.
    subprocess.run([str(REPO / "scripts" / "build-release"), "--package-path", str(tree), "--scratch-path", str(scratch)],
                   check=True, stdout=subprocess.DEVNULL)
    return scratch / "release" / "versus"


def identical_trees(a, b, skip):
    """The relative paths that differ between two folders (missing on either side included)."""
    differing = []
    for root, _, files in os.walk(a):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), a)
            if relative in skip:
                continue
            other = os.path.join(b, relative)
            if not os.path.exists(other) or not filecmp.cmp(os.path.join(root, name), other, shallow=False):
                differing.append(relative)
    for root, _, files in os.walk(b):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), b)
            if relative not in skip and not os.path.exists(os.path.join(a, relative)):
                differing.append(relative)
    return sorted(differing)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the revision to compare the work tree with (a commit, tag or branch)")
    parser.add_argument("--base-binary", help="a release build of the base already made (skips building it)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--disk", default="/var/tmp/versus-compare", help="scratch folder on disk")
    parser.add_argument("--tmpfs", default="/dev/shm/versus-compare", help="scratch folder on tmpfs")
    args = parser.parse_args()

    base_tree = Path(args.disk) / "base-tree"
    if base_tree.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=REPO, check=False)
    base_tree.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(base_tree), args.base], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base_binary = Path(args.base_binary) if args.base_binary else build_release(base_tree, REPO / ".build-compare")
        head_binary = build_release(REPO, REPO / ".build")
        sides = {"base": (base_binary, base_tree), "head": (head_binary, REPO)}
        results = {side: {"tmpfs": [], "disk": [], "rebuild": [], "changed": []} for side in sides}
        for round_ in range(args.rounds):
            # Alternate which side goes first: on disk, a build right after another's deletions pays for them.
            order = list(sides.items()) if round_ % 2 == 0 else list(reversed(sides.items()))
            for side, (binary, tree) in order:
                for place, root in (("tmpfs", args.tmpfs), ("disk", args.disk)):
                    output = Path(root) / f"{side}-out"
                    shutil.rmtree(output, ignore_errors=True)
                    command = [str(binary), "build", "--quiet", "--content", str(tree / "content"),
                               "--templates", str(tree / "templates"), "--output", str(output)]
                    results[side][place].append(measure(command))
                    if place == "tmpfs":
                        results[side]["rebuild"].append(measure(command))
                        # Another base URL changes every page (canonical links): a rebuild that replaces every file.
                        results[side]["changed"].append(measure(command + ["--base-url", "https://other.example/"]))
            print(f"round {round_ + 1} of {args.rounds} done", file=sys.stderr)

        print(f"Shipped site, medians of {args.rounds} rounds (base {args.base}, head = work tree):\n")
        print("| Measure | base | head | head / base |")
        print("| --- | ---: | ---: | ---: |")
        for place, label in (("tmpfs", "full build, tmpfs"), ("disk", "full build, disk"), ("rebuild", "no-change rebuild, tmpfs"),
                             ("changed", "rebuild, every page changed, tmpfs")):
            for key, unit in (("wall", "s"), ("cpu", "s CPU"), ("user", "s user CPU"), ("peak_mb", "MB peak")):
                base = statistics.median(r[key] for r in results["base"][place])
                head = statistics.median(r[key] for r in results["head"][place])
                print(f"| {label}, {unit} | {base:.2f} | {head:.2f} | {head / base:.3f} |")
        differing = identical_trees(Path(args.tmpfs) / "base-out", Path(args.tmpfs) / "head-out", skip={".versus-manifest"})
        print(f"\nOutputs (manifest aside): {'byte-identical' if not differing else f'{len(differing)} files differ'}")
        for relative in differing[:10]:
            print(f"  {relative}")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=REPO, check=False)


if __name__ == "__main__":
    main()
