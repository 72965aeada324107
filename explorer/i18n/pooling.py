"""Strings of the Pooling page."""
STRINGS: dict[str, dict[str, str]] = {
    "page.pooling.title": {"en": "Pooling", "zh": "池化"},
    "page.pooling.blurb": {
        "en": "Max and average pooling side by side on your photo and on a grid of numbers, pooled again and "
              "again, and tested for what a small shift changes.",
        "zh": "在你的照片和数字网格上并排比较最大池化与平均池化，反复池化，并测试小幅平移会改变什么。",
    },
    "pool.intro": {
        "en": "Pooling shrinks an image by summarising each window in one number: its largest value (max) or its "
              "mean (average). The settings below are shared by every panel, so the kind of pooling is the only "
              "difference you see.",
        "zh": "池化把每个窗口概括成一个数来缩小图像：取最大值（最大池化）或平均值（平均池化）。下面的设置由所有面板共用，"
              "因此你看到的差别只来自池化方式。",
    },
    "pool.k": {"en": "Window size k", "zh": "窗口大小 k"},
    "pool.same_stride": {"en": "Stride = window size", "zh": "步幅 = 窗口大小"},
    "pool.padding_help": {
        "en": "Torch allows at most half the window. Max pooling pads with −∞ (never chosen), average pooling "
              "with zeros that count in the mean.",
        "zh": "Torch 最多允许窗口大小的一半。最大池化用 −∞ 填充（永远不会被选中），平均池化用 0 填充且计入平均值。",
    },
    "pool.ceil": {"en": "Ceil mode", "zh": "向上取整"},
    "pool.ceil_help": {
        "en": "Round the output size up, so a last, partial window at the right and bottom edge still gives an output.",
        "zh": "输出尺寸向上取整，这样右边和下边最后一个不完整的窗口也会产生输出。",
    },
    "pool.tab_side": {"en": "Side by side", "zh": "并排比较"},
    "pool.tab_rounds": {"en": "Pooling again and again", "zh": "反复池化"},
    "pool.tab_shift": {"en": "Shift test", "zh": "平移测试"},
    "pool.max": {"en": "Max pooling", "zh": "最大池化"},
    "pool.avg": {"en": "Average pooling", "zh": "平均池化"},
    "pool.input_caption": {"en": "Input, {w}×{h}", "zh": "输入，{w}×{h}"},
    "pool.max_caption": {"en": "Max pooling, {w}×{h}", "zh": "最大池化，{w}×{h}"},
    "pool.avg_caption": {"en": "Average pooling, {w}×{h}", "zh": "平均池化，{w}×{h}"},
    "pool.global_caption": {
        "en": "Global average pooling, 1×1: one mean per channel ({values})",
        "zh": "全局平均池化，1×1：每个通道一个平均值（{values}）",
    },
    "pool.side_note": {
        "en": "Max pooling keeps the brightest pixel of each window, so thin bright details survive and the "
              "picture looks crisper and lighter; average pooling blends the window, like a blur followed by "
              "dropping pixels.",
        "zh": "最大池化保留每个窗口中最亮的像素，因此细小的亮部细节得以保留，画面更清晰、更亮；平均池化把窗口混合在一起，"
              "相当于先模糊再丢弃像素。",
    },
    "pool.grid_title": {"en": "The same pooling on a grid of numbers", "zh": "在数字网格上做同样的池化"},
    "pool.grid_source.image": {"en": "From the image", "zh": "取自图像"},
    "pool.grid_source.random": {"en": "Random integers", "zh": "随机整数"},
    "pool.grid_side": {"en": "Grid size", "zh": "网格大小"},
    "pool.region": {"en": "Region", "zh": "区域"},
    "pool.zoom": {"en": "Zoom into the region", "zh": "放大区域"},
    "pool.zoom_help": {
        "en": "Pooling changes single pixels: zoom in to see them. Every panel shows the same part of the picture.",
        "zh": "池化改变的是单个像素：放大才能看清。所有面板显示图像的同一部分。",
    },
    "pool.size_help": {"en": "Only for the grid of numbers below.", "zh": "仅用于下面的数字网格。"},
    "pool.grid_region": {
        "en": "The grid averages the region chosen under “Region” above.",
        "zh": "网格取上方“区域”中所选部分的平均值。",
    },
    "pool.grid_input": {"en": "Input (windows outlined)", "zh": "输入（窗口已框出）"},
    "pool.overlap_note": {
        "en": "The stride is smaller than the window, so windows overlap; only the first is outlined.",
        "zh": "步幅小于窗口，窗口相互重叠；这里只框出第一个窗口。",
    },
    "pool.watch": {"en": "Watch max pooling slide, step by step", "zh": "一步一步观看最大池化的滑动过程"},
    "pool.watch_help": {
        "en": "Opens the Sliding Window page with this window, stride and padding (grid up to 8×8).",
        "zh": "用当前的窗口、步幅和填充打开“滑动窗口”页（网格最大 8×8）。",
    },
    "pool.rounds_intro": {
        "en": "The same pooling (window {k}, stride {s}) applied to its own output again, up to four times. "
              "Each picture is enlarged by whole pixels so you see the blocks.",
        "zh": "把同样的池化（窗口 {k}，步幅 {s}）再作用于它自己的输出，最多四次。每张图都按整像素放大，方便看清方块。",
    },
    "pool.round_caption": {"en": "After round {n}: {w}×{h}", "zh": "第 {n} 轮后：{w}×{h}"},
    "pool.rounds_stopped": {
        "en": "No further round: the image is smaller than the window.",
        "zh": "无法继续：图像已比窗口还小。",
    },
    "pool.rounds_note": {
        "en": "Look at thin bright lines (whiskers, edges of letters): max pooling carries them through every "
              "round, average pooling thins them out until they fade into the background.",
        "zh": "注意细小的亮线（胡须、字母边缘）：最大池化让它们在每一轮中都保留下来，平均池化则不断把它们冲淡，直到融入背景。",
    },
    "pool.shift_intro": {
        "en": "Pooling is said to make a network robust to small shifts. Test it with the page's window (k = {k}): "
              "move the input 0, 1, … k−1 pixels to the left and measure how much the pooled output changes, "
              "compared with no pooling at all.",
        "zh": "人们常说池化让网络对小幅平移更稳健。用本页的窗口（k = {k}）来验证：把输入向左移动 0、1、…、k−1 个像素，"
              "测量池化输出变化了多少，并与不池化的情况比较。",
    },
    "pool.shift_needs_two": {"en": "A window of 1 pixel pools nothing: choose a window of 2 or more above.",
                             "zh": "1 像素的窗口不做任何池化：请在上方选择 2 或更大的窗口。"},
    "pool.settings_title": {"en": "Window, stride, padding", "zh": "窗口、步幅、填充"},
    "pool.zoom_settings": {"en": "Zoom and region", "zh": "缩放和区域"},
    "pool.shift_input": {"en": "Input", "zh": "输入"},
    "pool.shift_input.edges": {"en": "Edge map (like a first layer's output)", "zh": "边缘图（类似第一层的输出）"},
    "pool.shift_input.photo": {"en": "The photo, grey", "zh": "照片（灰度）"},
    "pool.shift_kind.none": {"en": "No pooling", "zh": "不池化"},
    "pool.shift_kind.max": {"en": "Max pooling", "zh": "最大池化"},
    "pool.shift_kind.avg": {"en": "Average pooling", "zh": "平均池化"},
    "pool.shift_x": {"en": "Shift (pixels)", "zh": "平移（像素）"},
    "pool.shift_y": {"en": "Change of the output (%)", "zh": "输出的变化（%）"},
    "pool.shift_mean": {"en": "Mean over shifts 1 … {k}", "zh": "平移 1 … {k} 的平均"},
    "pool.shift_kept": {"en": "{kept} % of outputs unchanged", "zh": "{kept}% 的输出未变"},
    "pool.shift_note": {
        "en": "Change = mean |shifted − unshifted| ÷ mean |unshifted|, over outputs at the same positions. Max "
              "pooling leaves many outputs exactly as they were: the strongest pixel often stays in its window.",
        "zh": "变化 = 平均 |平移后 − 平移前| ÷ 平均 |平移前|，在相同位置的输出上计算。最大池化让许多输出完全不变："
              "最强的像素往往仍留在原来的窗口里。",
    },
    "pool.eq_title": {"en": "Convolution follows the shift", "zh": "卷积随平移而移动"},
    "pool.eq_intro": {
        "en": "Pooling above makes a layer partly indifferent to small shifts. Convolution does not: shift the "
              "input by s pixels and its output is the old output shifted by s pixels (it is *equivariant*). "
              "Here: Sobel x on the photo's grey values.",
        "zh": "上面的池化让一层对小幅平移部分不敏感。卷积则不然：把输入平移 s 个像素，输出就是原输出平移 s 个像素（卷积是*等变*的）。"
              "这里用 Sobel x 作用于照片的灰度值。",
    },
    "pool.eq_shift": {"en": "Shift s (pixels to the left)", "zh": "平移量 s（向左的像素数）"},
    "pool.eq_output": {"en": "conv(x)", "zh": "conv(x)"},
    "pool.eq_shifted": {"en": "conv(x shifted by {s})", "zh": "conv(x 平移 {s} 像素)"},
    "pool.eq_result": {
        "en": "conv(shifted x) and conv(x) shifted by {s}: largest difference {inner} away from the border, {edge} "
              "in the {reach} border column(s) where the padding differs. Compared without moving it back, the "
              "output changed by {moved} %: the output moved with the input, its values did not change.",
        "zh": "conv(平移后的 x) 与平移 {s} 像素的 conv(x)：远离边界处最大差值为 {inner}，在填充不同的 {reach} 列边界处为 {edge}。"
              "如果不把它移回来比较，输出改变了 {moved}%：输出随输入一起移动了，数值本身没有变。",
    },
}
