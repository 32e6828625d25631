"""Screenshots of the three main views for docs/:
``python tests/viz/shots.py [OUT_DIR [text|gold]]``.

Loads the seed + series minutes (as the browser tests do) into a temporary embedded
store, serves the pages on 127.0.0.1 and shoots them with Debian's headless Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from govgraph.graph.embedded import EmbeddedStore  # noqa: E402
from govgraph.graph.model import Label  # noqa: E402
from viz_data import ROOT, load_series, oc16  # noqa: E402
from viz_server import serve  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def shoot(out_dir: Path, via: str = "text", size: tuple[int, int] = (1600, 1000)) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        load_series(store, via)
        rec = oc16(store)
        board = next(b for b in store.find(Label.BOARD) if b.props.get("name") == "Monthly Assurance Meeting")
        person = store.find(Label.PERSON, {"name": "Amanda Blakeman"})[0]
        views = {
            "view-lineage.png": f"/view/recommendation/{rec.id}",
            "view-board.png": f"/view/board/{board.id}?attendance=true&chairs=true",
            "view-person.png": f"/view/person/{person.id}",
        }
        written = []
        with serve(store) as base, tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", headless=True, args=FLAGS,
                viewport={"width": size[0], "height": size[1]}, bypass_csp=True)
            page = ctx.new_page()
            for name, path in views.items():
                page.goto(base + path)
                page.wait_for_function("window.govgraph && window.govgraph.ready", timeout=60_000)
                page.wait_for_timeout(300)
                page.screenshot(path=str(out_dir / name))
                written.append(out_dir / name)
            ctx.close()
        store.close()
    print(f"data loaded via {via}; wrote {', '.join(str(w) for w in written)}")
    return written


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs", *sys.argv[2:3])
