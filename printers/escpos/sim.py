"""A simulated roll printer: interprets the ESC/POS subset we emit and draws the paper as a PNG.

Because the preview is drawn from the bytes (not from the layout), it proves the bytes: GB18030 text in
Chinese mode (FS & / FS .), ESC ! and GS ! sizes, ESC E bold, ESC a alignment, GS L / GS W print
area, GS v 0 raster images, GS ( k QR codes (drawn with `qrcode`), ESC d feeds, GS V cuts, and DLE
EOT status requests (answered from the simulated paper state). Anything else is refused.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from app.domain.ids import new_id
from app.i18n.messages import msg
from printers.escpos.errors import PrinterError
from printers.escpos.glyphs import CELL_H, cell_width, draw_text
from printers.escpos.render_raster import qr_matrix_image
from printers.escpos.status import PrinterStatus, status_bytes
from printers.escpos.urls import SimPaper

log = logging.getLogger("hall.printer.sim")

PAPER_DOTS = {58: 464, 80: 640}  # whole paper width at 8 dots/mm
AREA_DOTS = {58: 384, 80: 576}
TOP_MARGIN = 24
QR_EC_NAMES = {48: "L", 49: "M", 50: "Q", 51: "H"}


class SimProtocolError(PrinterError):
    """The job contains bytes outside the subset a real printer would accept the way we mean them."""

    def __init__(self, message: str) -> None:
        super().__init__(
            msg("printer.sim_rejected", error=message), code="printer_sim"
        )


def sim_status(paper: SimPaper) -> PrinterStatus:
    return PrinterStatus(
        online=paper not in ("offline", "cover_open", "out"),
        cover_open=paper == "cover_open",
        paper_out=paper == "out",
        paper_near_end=paper == "near_end",
    )


@dataclass
class _Run:
    text: str
    width_mul: int
    height_mul: int
    bold: bool

    @property
    def width(self) -> int:
        return sum(cell_width(c, self.width_mul) for c in self.text)


@dataclass
class _Strip:
    """A printed band: an image placed at x (relative to the print area start) or a cut mark."""

    image: Image.Image | None
    x: int = 0
    cut: bool = False


@dataclass
class _State:
    chinese: bool = False
    align: int = 0
    width_mul: int = 1
    height_mul: int = 1
    bold: bool = False
    line_spacing: int = 30
    left: int = 0
    area: int | None = None
    qr_model: int = 50
    qr_size: int = 3
    qr_ec: str = "L"
    qr_data: bytes = b""
    runs: list[_Run] = field(default_factory=list)


class EscposInterpreter:
    """Feed it a job's bytes; `render()` gives the paper. `responses` holds answers to DLE EOT."""

    def __init__(self, paper: SimPaper = "ok", width_mm: int | None = None) -> None:
        self.paper = paper
        self.width_mm = width_mm
        self.state = _State()
        self.strips: list[_Strip] = []
        self.responses = bytearray()
        self.texts: list[str] = []  # every printed line, decoded (for tests and logs)
        self.qr_payloads: list[str] = []
        self.cuts = 0

    # ---- the paper
    @property
    def area(self) -> int:
        if self.state.area is not None:
            return min(self.state.area, AREA_DOTS[self.paper_mm])
        return AREA_DOTS[self.paper_mm]

    @property
    def paper_mm(self) -> int:
        if self.width_mm is not None:
            return self.width_mm
        return 58 if self.state.area is not None and self.state.area <= AREA_DOTS[58] else 80

    # ---- parsing
    def feed(self, data: bytes) -> None:
        i, n = 0, len(data)
        while i < n:
            b = data[i]
            if b == 0x0A:
                self._print_line()
                i += 1
            elif b == 0x0D:
                i += 1
            elif b == 0x1B:
                i = self._esc(data, i)
            elif b == 0x1D:
                i = self._gs(data, i)
            elif b == 0x1C:
                i = self._fs(data, i)
            elif b == 0x10:
                i = self._dle(data, i)
            elif b < 0x20 or b == 0x7F:
                raise SimProtocolError(f"unexpected control byte 0x{b:02x} at offset {i}")
            else:
                i = self._text(data, i)

    def _need(self, data: bytes, i: int, count: int, what: str) -> bytes:
        if i + count > len(data):
            raise SimProtocolError(f"{what} at offset {i} is cut short")
        return data[i : i + count]

    def _esc(self, data: bytes, i: int) -> int:
        op = self._need(data, i + 1, 1, "ESC")[0]
        s = self.state
        if op == ord("@"):
            self._print_pending()
            self.state = _State()
            return i + 2
        arg = self._need(data, i + 2, 1, f"ESC {chr(op)}")[0] if op != ord("2") else 0
        if op == ord("!"):
            if arg & 0x01:
                raise SimProtocolError("font B is not simulated")
            s.height_mul = 2 if arg & 0x10 else 1
            s.width_mul = 2 if arg & 0x20 else 1
            s.bold = bool(arg & 0x08)
        elif op == ord("E"):
            s.bold = bool(arg & 1)
        elif op == ord("a"):
            if arg not in (0, 1, 2, 48, 49, 50):
                raise SimProtocolError(f"ESC a {arg} is not an alignment")
            s.align = arg % 48
        elif op == ord("d"):
            self._print_pending()
            self._blank(arg * s.line_spacing)
        elif op == ord("3"):
            s.line_spacing = arg
        elif op == ord("2"):
            s.line_spacing = 30
            return i + 2
        else:
            raise SimProtocolError(f"ESC 0x{op:02x} is not in the simulated subset (offset {i})")
        return i + 3

    def _gs(self, data: bytes, i: int) -> int:
        op = self._need(data, i + 1, 1, "GS")[0]
        s = self.state
        if op == ord("!"):
            arg = self._need(data, i + 2, 1, "GS !")[0]
            s.width_mul, s.height_mul = (arg >> 4) + 1, (arg & 0x0F) + 1
            if s.width_mul > 8 or s.height_mul > 8:
                raise SimProtocolError(f"GS ! 0x{arg:02x}: magnification above 8")
            return i + 3
        if op in (ord("L"), ord("W")):
            lo, hi = self._need(data, i + 2, 2, f"GS {chr(op)}")
            if op == ord("L"):
                s.left = lo + 256 * hi
            else:
                s.area = lo + 256 * hi
            return i + 4
        if op == ord("V"):
            m = self._need(data, i + 2, 1, "GS V")[0]
            self._print_pending()
            if m in (65, 66):
                self._blank(self._need(data, i + 3, 1, "GS V m n")[0])
                end = i + 4
            elif m in (0, 1, 48, 49):
                end = i + 3
            else:
                raise SimProtocolError(f"GS V {m} is not a cut mode")
            self.strips.append(_Strip(None, cut=True))
            self.cuts += 1
            return end
        if op == ord("v"):
            return self._raster(data, i)
        if op == ord("("):
            return self._two_d(data, i)
        raise SimProtocolError(f"GS 0x{op:02x} is not in the simulated subset (offset {i})")

    def _fs(self, data: bytes, i: int) -> int:
        op = self._need(data, i + 1, 1, "FS")[0]
        if op == ord("&"):
            self.state.chinese = True
            return i + 2
        if op == ord("."):
            self.state.chinese = False
            return i + 2
        if op == ord("!"):
            arg = self._need(data, i + 2, 1, "FS !")[0]
            self.state.width_mul = 2 if arg & 0x04 else 1
            self.state.height_mul = 2 if arg & 0x08 else 1
            return i + 3
        raise SimProtocolError(f"FS 0x{op:02x} is not in the simulated subset (offset {i})")

    def _dle(self, data: bytes, i: int) -> int:
        head = self._need(data, i, 3, "DLE EOT")
        if head[1] != 0x04 or head[2] not in (1, 2, 3, 4):
            raise SimProtocolError(f"DLE 0x{head[1]:02x} 0x{head[2]:02x} is not a status request")
        self.responses.append(status_bytes(sim_status(self.paper))[head[2]])
        return i + 3

    def _text(self, data: bytes, i: int) -> int:
        if not self.state.chinese:
            if data[i] >= 0x80:
                raise SimProtocolError(
                    f"byte 0x{data[i]:02x} outside Chinese mode (offset {i}): no FS & sent"
                )
            j = i
            while j < len(data) and 0x20 <= data[j] < 0x7F:
                j += 1
            self._add_text(data[i:j].decode("ascii"))
            return j
        j = i
        while j < len(data) and (data[j] >= 0x80 or 0x20 <= data[j] < 0x7F):
            if data[j] < 0x80:
                j += 1
            elif j + 1 < len(data) and 0x30 <= data[j + 1] <= 0x39:
                j += 4
            else:
                j += 2
        try:
            self._add_text(data[i:j].decode("gb18030"))
        except UnicodeDecodeError as exc:
            raise SimProtocolError(f"invalid GB18030 text at offset {i + exc.start}") from None
        return j

    def _add_text(self, text: str) -> None:
        s = self.state
        for ch in text:
            run_width = sum(r.width for r in s.runs)
            if run_width + cell_width(ch, s.width_mul) > self.area - s.left:
                self._print_line()  # the printer wraps a line that does not fit
            runs = s.runs
            if runs and (runs[-1].width_mul, runs[-1].height_mul, runs[-1].bold) == (
                s.width_mul,
                s.height_mul,
                s.bold,
            ):
                runs[-1].text += ch
            else:
                runs.append(_Run(ch, s.width_mul, s.height_mul, s.bold))

    def _raster(self, data: bytes, i: int) -> int:
        head = self._need(data, i, 8, "GS v 0")
        if head[2] != ord("0") or head[3] not in (0, 1, 2, 3, 48, 49, 50, 51):
            raise SimProtocolError(f"GS v {head[2:4]!r} is not a raster image command")
        width_bytes, rows = head[4] + 256 * head[5], head[6] + 256 * head[7]
        size = width_bytes * rows
        body = self._need(data, i + 8, size, "GS v 0 image data")
        if width_bytes * 8 > self.area - self.state.left:
            raise SimProtocolError(
                f"raster image {width_bytes * 8} dots wide exceeds the print area {self.area}"
            )
        self._print_pending()
        img = Image.frombytes("1", (width_bytes * 8, rows), bytes(b ^ 0xFF for b in body))
        mode = head[3] % 48
        if mode:
            img = img.resize((img.width * (2 if mode & 1 else 1), img.height * (2 if mode & 2 else 1)))
        self.strips.append(_Strip(img.convert("L"), self._aligned_x(img.width)))
        return i + 8 + size

    def _two_d(self, data: bytes, i: int) -> int:
        head = self._need(data, i, 7, "GS ( k")
        if head[2] != ord("k"):
            raise SimProtocolError(f"GS ( {chr(head[2])} is not in the simulated subset")
        length = head[3] + 256 * head[4]
        body = self._need(data, i + 5, length, "GS ( k parameters")
        cn, fn, rest = body[0], body[1], body[2:]
        if cn != ord("1"):
            raise SimProtocolError(f"GS ( k symbol type {cn} is not QR")
        s = self.state
        if fn == 65:
            s.qr_model = rest[0]
        elif fn == 67:
            if not 1 <= rest[0] <= 16:
                raise SimProtocolError(f"QR module size {rest[0]}")
            s.qr_size = rest[0]
        elif fn == 69:
            if rest[0] not in QR_EC_NAMES:
                raise SimProtocolError(f"QR error correction {rest[0]}")
            s.qr_ec = QR_EC_NAMES[rest[0]]
        elif fn == 80:
            s.qr_data = bytes(rest[1:])
        elif fn == 81:
            self._print_qr()
        elif fn != 82:
            raise SimProtocolError(f"GS ( k function {fn}")
        return i + 5 + length

    def _print_qr(self) -> None:
        s = self.state
        if s.qr_model != 50:
            raise SimProtocolError("only QR model 2 is simulated")
        if not s.qr_data:
            raise SimProtocolError("QR print without stored data")
        payload = s.qr_data.decode("utf-8")
        self._print_pending()
        img = qr_matrix_image(payload, s.qr_size, s.qr_ec).convert("L")
        self.strips.append(_Strip(img, self._aligned_x(img.width)))
        self.qr_payloads.append(payload)

    # ---- printing
    def _aligned_x(self, width: int) -> int:
        free = max(0, self.area - self.state.left - width)
        return self.state.left + (0, free // 2, free)[self.state.align]

    def _blank(self, dots: int) -> None:
        if dots:
            self.strips.append(_Strip(Image.new("L", (1, dots), 255)))

    def _print_pending(self) -> None:
        if self.state.runs:
            self._print_line()

    def _print_line(self) -> None:
        s = self.state
        runs, s.runs = s.runs, []
        if not runs:
            self._blank(s.line_spacing)
            return
        height = max(CELL_H * r.height_mul for r in runs)
        width = sum(r.width for r in runs)
        img = Image.new("L", (width, max(height, s.line_spacing)), 255)
        x = 0
        for r in runs:
            x = draw_text(img, x, height - CELL_H * r.height_mul, r.text, r.width_mul, r.height_mul, r.bold)
        self.texts.append("".join(r.text for r in runs))
        self.strips.append(_Strip(img, self._aligned_x(width)))

    def render(self) -> Image.Image:
        """The paper: white, as wide as the roll, print area centred, dashed lines where it was cut."""
        self._print_pending()
        paper_w = PAPER_DOTS[self.paper_mm]
        offset = (paper_w - AREA_DOTS[self.paper_mm]) // 2
        height = TOP_MARGIN * 2 + sum(st.image.height if st.image else 12 for st in self.strips)
        page = Image.new("L", (paper_w, height), 255)
        draw = ImageDraw.Draw(page)
        y = TOP_MARGIN
        for st in self.strips:
            if st.cut:
                for x in range(0, paper_w, 12):
                    draw.line([(x, y + 6), (x + 6, y + 6)], fill=150)
                y += 12
            elif st.image is not None:
                page.paste(st.image, (offset + st.x, y))
                y += st.image.height
        return page


class SimPrinter:
    """The `sim:///dir` device: answers status from its paper state and writes one PNG per job."""

    def __init__(self, directory: str | Path, paper: SimPaper = "ok", width_mm: int | None = None) -> None:
        self.directory = Path(directory)
        self.paper = paper
        self.width_mm = width_mm
        self._job = bytearray()
        self._responses = bytearray()

    def write(self, data: bytes) -> None:
        if len(data) == 3 and data[:2] == b"\x10\x04":  # a real-time status request on its own
            paper: SimPaper = self.paper
            if paper == "runs_out":  # the roll ends during the job: ready before it, out after it
                paper = "out" if self._job else "ok"
            interpreter = EscposInterpreter(paper, self.width_mm)
            interpreter.feed(data)
            self._responses += interpreter.responses
        else:
            self._job += data

    def read(self) -> bytes:
        answer = bytes(self._responses[:1])
        del self._responses[:1]
        return answer

    def finish(self, kind: str = "job") -> Path | None:
        """Render what was sent since the last finish; None if nothing was sent or the paper is out."""
        job, self._job = bytes(self._job), bytearray()
        if not job:
            return None
        interpreter = EscposInterpreter(self.paper, self.width_mm)
        interpreter.feed(job)
        if self.paper == "runs_out":
            log.warning("simulated printer ran out of paper during a job of %d bytes: cut short", len(job))
            return None
        if not sim_status(self.paper).online:
            log.warning("simulated printer is %s: job of %d bytes not printed", self.paper, len(job))
            return None
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.directory / f"{kind}-{stamp}-{new_id().hex[-8:]}.png"
        interpreter.render().save(path)
        return path
