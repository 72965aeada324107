"""The dispatcher: one pure function from a call's facts to a path and its reason, pinned by a table."""
import pytest

from explorer.conv.dispatch import DEFAULT_CROSSOVERS, Call, Crossovers, choose, needs_rank

MEASURED = Crossovers(separable_min_taps=81, fft_min_taps=225, grey_fft_min_taps=400, colour_lanes=True)

BIG = 12_000_000          # a 12 MP photo: OpenCV's filter2D for 3×3 (from OPENCV_MIN_PIXELS)

TABLE = [
    # kernel, channels, stride, device, rank 1, crossovers -> path (on a preview; the pixels below)
    ((3, 3), 3, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "direct"),
    ((3, 3), 1, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "lanes"),
    ((7, 7), 3, (1, 1), "cpu", True, DEFAULT_CROSSOVERS, "separable"),      # 49 taps, rank 1
    ((7, 7), 3, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "direct"),
    ((15, 15), 3, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "fft"),          # 225 ≥ 200
    ((15, 15), 3, (1, 1), "cpu", True, DEFAULT_CROSSOVERS, "separable"),     # rank 1 beats the FFT
    ((15, 15), 3, (2, 2), "cpu", False, DEFAULT_CROSSOVERS, "direct"),       # 56 taps per output
    ((19, 19), 1, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "lanes"),        # 361 < 400
    ((21, 21), 1, (1, 1), "cpu", False, DEFAULT_CROSSOVERS, "fft"),
    ((31, 31), 3, (1, 1), "cuda", False, DEFAULT_CROSSOVERS, "direct"),      # cuDNN: no FFT on the GPU
    ((31, 31), 1, (1, 1), "cuda", False, MEASURED, "direct"),                # nor lanes: the GPU keeps constants
    ((9, 9), 3, (1, 1), "cuda", True, DEFAULT_CROSSOVERS, "separable"),
    ((3, 3), 3, (1, 1), "cpu", False, MEASURED, "lanes"),                    # colour lanes measured faster
    ((3, 3), 3, (1, 2), "cpu", False, MEASURED, "direct"),                   # ... only at stride 1 across
    ((7, 7), 3, (1, 1), "cpu", True, MEASURED, "lanes"),                     # 49 < 81: not yet separable
    ((9, 9), 3, (1, 1), "cpu", True, MEASURED, "separable"),
    ((15, 15), 3, (1, 1), "cpu", False, MEASURED, "fft"),
    ((13, 13), 3, (1, 1), "cpu", False, MEASURED, "lanes"),                  # 169 < 225
]


@pytest.mark.parametrize("kernel, channels, stride, device, rank1, at, expected", TABLE)
def test_the_choice_for_each_kind_of_call(kernel, channels, stride, device, rank1, at, expected):
    choice = choose(Call(kernel, channels, stride, device, rank1), at)
    assert choice.strategy == expected and choice.reason


BIG_TABLE = [
    # kernel, channels, stride, dilation, device, pixels, crossovers -> path
    ((3, 3), 3, (1, 1), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "opencv"),     # 9 taps, 12 MP: OpenCV's filter2D
    ((3, 3), 1, (1, 1), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "opencv"),
    ((1, 9), 1, (1, 1), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "opencv"),
    ((3, 3), 3, (1, 1), (1, 1), "cpu", 3_999_999, DEFAULT_CROSSOVERS, "direct"),   # below 4 MP: not OpenCV
    ((3, 3), 1, (1, 1), (1, 1), "cpu", 4_000_000, DEFAULT_CROSSOVERS, "opencv"),
    ((3, 3), 3, (2, 2), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "direct"),     # only at stride 1 ...
    ((3, 3), 1, (1, 1), (2, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "lanes"),      # ... and dilation 1
    ((5, 5), 3, (1, 1), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "direct"),     # 25 taps
    ((5, 5), 1, (1, 1), (1, 1), "cpu", BIG, DEFAULT_CROSSOVERS, "lanes"),
    ((3, 3), 1, (1, 1), (1, 1), "cuda", BIG, DEFAULT_CROSSOVERS, "direct"),    # never on a GPU
    ((3, 3), 3, (1, 1), (1, 1), "cpu", BIG, Crossovers(opencv_max_taps=0), "direct"),   # switched off
    ((3, 3), 3, (1, 1), (1, 1), "cpu", BIG, MEASURED, "opencv"),               # before the colour lanes
]


@pytest.mark.parametrize("kernel, channels, stride, dilation, device, pixels, at, expected", BIG_TABLE)
def test_the_choice_for_small_kernels_on_large_photos(kernel, channels, stride, dilation, device, pixels, at,
                                                       expected):
    choice = choose(Call(kernel, channels, stride, device, False, dilation, pixels), at)
    assert choice.strategy == expected and choice.reason


def test_the_rank_is_asked_for_exactly_where_it_can_change_the_choice():
    for side in range(1, 32):
        for at in (DEFAULT_CROSSOVERS, MEASURED):
            differs = any(choose(Call((side, side), channels, stride, "cpu", True), at)
                          != choose(Call((side, side), channels, stride, "cpu", False), at)
                          for channels in (1, 3) for stride in ((1, 1), (2, 2)))
            if differs:
                assert needs_rank((side, side), "cpu", at), (side, at)
