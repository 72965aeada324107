"""The benchmark script runs end to end on tiny sizes (its timings are not asserted)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_runs_and_prints_the_table(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}          # it measures the crossovers: not into ~/.cache
    out = subprocess.run([sys.executable, "-m", "explorer.bench", "--sizes", "0.01", "--kernels", "3,15",
                          "--repeat", "1", "--no-extras"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env=env)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if line.startswith("|  0.01 MP")]
    assert len(lines) == 4                          # the RGB table, then the grey one
    assert "direct" in lines[0] and "fft" in lines[1] and "lanes" in lines[2] and "lanes" in lines[3]
    assert "grey image" in out.stdout and "copy ms" in out.stdout


def test_bench_calibrate_measures_afresh_and_says_why(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "explorer.bench", "--sizes", "0.01", "--kernels", "3",
                          "--repeat", "1", "--no-extras", "--channels", "1", "--calibrate"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    assert "CPU crossovers (measured): Crossovers(" in out.stdout
    reasons = [line for line in out.stdout.splitlines() if line.startswith("  - ")]
    assert len(reasons) == 7 and any("grey: the FFT from" in line for line in reasons)
    assert any("small kernels (up to 7×7" in line and "never compiled" in line for line in reasons)
    assert any("grey: the lanes as" in line for line in reasons)
    assert (tmp_path / "cnn-explorer" / "calibration.json").exists()
    assert "| grey lanes | grey fft |" in out.stdout
    assert len([line for line in out.stdout.splitlines() if line.startswith("| 0.01 MP | ")]) == 12


def test_the_cuda_columns_line_up_with_their_header():
    from explorer.bench import format_row, table_header
    row = {"mp": 12, "shape": "4000×3000", "k": 15, "strategy": "fft", "explorer": 600.0, "opencv": 900.0,
           "ratio": 0.67, "copy": 20.0, "cuda": 27.0, "cuda_kept": 9.0, "cuda_rel_err": 3e-7}
    header = table_header(cuda=True).splitlines()
    line = format_row(row, cuda=True)
    assert header[0].count("|") == header[1].count("|") == line.count("|")
    cells = [c.strip() for c in line.split("|")[1:-1]]
    names = [c.strip() for c in header[0].split("|")[1:-1]]
    assert cells[names.index("CUDA rerun, image kept ms")] == "9.0"
    assert cells[names.index("OpenCV/rerun")] == "100.0"
