"""Strings of the Kernel Lab page."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ kernel lab
    "kl.intro": {
        "en": "Choose a kernel and watch what it does to the picture. Every output pixel is the sum of the "
              "kernel times the pixels under it; click a pixel of the output to check the arithmetic.",
        "zh": "选择一个卷积核，看看它对图像做了什么。每个输出像素都是卷积核与其下方像素的乘积之和；点击输出图像上的像素即可核对计算过程。",
    },
    "kl.tab_kernel": {"en": "Kernel", "zh": "卷积核"},
    "kl.tab_params": {"en": "Padding, stride, display", "zh": "填充、步幅、显示"},
    "kl.grey": {"en": "Greyscale", "zh": "灰度"},
    "kl.grey_help": {
        "en": "Off: the kernel is applied to the red, green and blue channels separately. On: to the brightness only.",
        "zh": "关闭：卷积核分别作用于红、绿、蓝三个通道。打开：只作用于亮度。",
    },
    "kl.display": {"en": "Show negative outputs as", "zh": "负值输出的显示方式"},
    "display.auto": {"en": "Automatic", "zh": "自动"},
    "display.diverging": {"en": "Diverging colours (blue < 0 < red)", "zh": "发散色（蓝 < 0 < 红）"},
    "display.absolute": {"en": "Absolute value", "zh": "绝对值"},
    "display.clip": {"en": "Clipped to [0, 1]", "zh": "截断到 [0, 1]"},
    "display.stretch": {"en": "Min–max stretched", "zh": "最小–最大拉伸"},
    "kl.input_caption": {"en": "Input, {w}×{h}, {kind}", "zh": "输入，{w}×{h}，{kind}"},
    "kl.preview_of": {
        "en": " · a preview of the {w}×{h} original; the download is computed at full size",
        "zh": " · {w}×{h} 原图的预览；下载时按原尺寸计算",
    },
    "kl.rgb_word": {"en": "colour (3 channels)", "zh": "彩色（3 通道）"},
    "kl.grey_word": {"en": "greyscale (1 channel)", "zh": "灰度（1 通道）"},
    "kl.zeros_border": {
        "en": "Zero padding: at the border the window reads zeros (black) beyond the edge, so a blur darkens the "
              "border. The reflect mode mirrors the image there instead and avoids it.",
        "zh": "补零填充：在边界处，窗口读到图像外的零（黑色），所以模糊会让边缘变暗。反射方式在那里用图像的镜像代替，就不会变暗。",
    },
    "kl.zeros_border_edge": {
        "en": "Zero padding: beyond the edge the window reads zeros (black), and an edge kernel sees the step from "
              "the picture to black: a false edge frames the output. The replicate or reflect mode continues the "
              "image there and removes it.",
        "zh": "补零填充：在图像边缘之外，窗口读到的是零（黑色），边缘检测核会把图像到黑色的跳变当成边缘：输出四周出现一圈假边缘。"
              "复制边缘或反射方式在那里延续图像，就能去掉它。",
    },
    "kl.zeros_border_other": {
        "en": "Zero padding: beyond the edge the window reads zeros (black), so the border pixels come out brighter "
              "or darker than they would inside the picture. The replicate or reflect mode continues the image there "
              "instead.",
        "zh": "补零填充：在图像边缘之外，窗口读到的是零（黑色），所以边缘像素会比在图像内部时更亮或更暗。复制边缘或反射方式在那里"
              "延续图像。",
    },
    "kl.output_caption": {
        "en": "Output of {label}, {w}×{h}, shown as: {mode}. Click a pixel to inspect it.",
        "zh": "{label} 的输出，{w}×{h}，显示方式：{mode}。点击像素可查看计算。",
    },
    "kl.formula": {"en": "Output size", "zh": "输出尺寸"},
    "kl.formula_note": {
        "en": "⌊(input + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1, for the height and the width "
              "(padding is added on each side).",
        "zh": "⌊(输入 + 2·填充 − 膨胀率·(核尺寸 − 1) − 1) / 步幅⌋ + 1，高和宽分别计算（每一边都加上填充）。",
    },
    "kl.kernel": {"en": "Kernel", "zh": "卷积核"},
    "kl.formula_full": {"en": "For the full-resolution download:", "zh": "完整分辨率下载时："},
    "kl.magnitude_note": {
        "en": "Both kernels are applied; the output is √(k1 result² + k2 result²).",
        "zh": "两个卷积核都会应用；输出为 √(k1 结果² + k2 结果²)。",
    },
    "kl.histogram": {"en": "Output values", "zh": "输出值分布"},
    "kl.histogram_note": {"en": "From {lo} to {hi}; blue bars are negative.", "zh": "范围 {lo} 到 {hi}；蓝色柱为负值。"},
    "kl.nonfinite_inf": {
        "en": "{inf} output values are infinite: the kernel's numbers overflow float32 (at most about 3.4e38). The "
              "histogram shows only the finite values.",
        "zh": "有 {inf} 个输出值为无穷大：卷积核中的数超出了 float32 的范围（最大约 3.4e38）。直方图只显示有限的值。",
    },
    "kl.nonfinite_nan": {
        "en": "{nan} output values are not a number (NaN): +∞ and −∞ met in their sums, past float32's range (about "
              "3.4e38). The histogram shows only the finite values.",
        "zh": "有 {nan} 个输出值不是数（NaN）：它们的求和中 +∞ 与 −∞ 相遇，超出了 float32 的范围（约 3.4e38）。"
              "直方图只显示有限的值。",
    },
    "kl.nonfinite": {
        "en": "{inf} output values are infinite and {nan} are not a number (NaN): the kernel's numbers overflow "
              "float32 (at most about 3.4e38). The histogram shows only the finite values.",
        "zh": "有 {inf} 个输出值为无穷大，{nan} 个不是数（NaN）：卷积核中的数超出了 float32 的范围（最大约 3.4e38）。"
              "直方图只显示有限的值。",
    },
    "kl.inspect": {"en": "Inspect one output pixel", "zh": "查看一个输出像素"},
    "kl.inspect_help": {
        "en": "Click the output image or type the position. The window of input values, the kernel, their "
              "element-wise products and the sum are shown; the sum is the output value.",
        "zh": "点击输出图像或输入位置。下面显示输入窗口的值、卷积核、逐元素乘积以及它们的和；这个和就是输出值。",
    },
    "kl.hover_values": {"en": "Too many cells to write the numbers in: point at a cell to see its value.",
                        "zh": "格子太多，写不下数字：把鼠标移到格子上即可看到它的值。"},
    "kl.numbers_below": {"en": "The numbers are in the inspector below; point at a cell to see its value.",
                         "zh": "数字见下方的像素查看；把鼠标移到格子上也能看到它的值。"},
    "kl.x": {"en": "Output column x", "zh": "输出列 x"},
    "kl.y": {"en": "Output row y", "zh": "输出行 y"},
    "kl.channel": {"en": "Channel", "zh": "通道"},
    "kl.window": {"en": "Input window", "zh": "输入窗口"},
    "kl.products": {"en": "Products", "zh": "乘积"},
    "kl.agrees": {
        "en": "The output image holds {value} at x={x}, y={y}: the same number as the sum above ({computed}).",
        "zh": "输出图像在 x={x}，y={y} 处的值为 {value}：与上面的和（{computed}）相同。",
    },
    "kl.disagrees": {
        "en": "The output image holds {value} at x={x}, y={y}, but the sum above is {computed}. Please report this.",
        "zh": "输出图像在 x={x}，y={y} 处的值为 {value}，但上面的和为 {computed}。请报告此问题。",
    },
    "kl.overflow": {
        "en": "The output image holds {value} at x={x}, y={y}; the sum above is {computed}. Float32 holds at most "
              "about 3.4e38: beyond it a sum becomes inf, and nan where +inf and −inf meet on the way.",
        "zh": "输出图像在 x={x}，y={y} 处的值为 {value}；上面的和为 {computed}。float32 最大约为 3.4e38："
              "超出后和变为 inf，途中 +inf 与 −inf 相遇则变为 nan。",
    },
    "kl.download": {"en": "Download", "zh": "下载"},
    "kl.code": {"en": "Show the code", "zh": "查看代码"},
    "kl.code_torch": {
        "en": "The same computation in PyTorch, with your kernel and settings:",
        "zh": "用 PyTorch 完成同样的计算，使用你的卷积核和设置：",
    },
    "kl.code_loop": {
        "en": "What it computes, written as plain loops (explorer/reference.py; the tests hold it equal to PyTorch):",
        "zh": "它计算的内容，用普通循环写出（explorer/reference.py；测试保证它与 PyTorch 结果一致）：",
    },
    "kl.download_png": {"en": "Result as PNG", "zh": "结果（PNG）"},
    "kl.download_json": {"en": "Kernel as JSON", "zh": "卷积核（JSON）"},
    "kl.full_res": {"en": "Compute the full {w}×{h} result", "zh": "计算完整的 {w}×{h} 结果"},
    "kl.full_res_wait": {"en": "Computing at full resolution…", "zh": "正在按完整分辨率计算……"},
    # convolution's definition, tied to the flip switch
    "kl.flip_title": {"en": "Convolution or cross-correlation? (the flip)", "zh": "卷积还是互相关？（翻转）"},
    "kl.flip_lesson": {
        "en": r"In mathematics, convolution flips one of the two functions: $(f * g)(x) = \int f(\tau)\,g(x - \tau)\,"
              r"d\tau$ (a picture the notes use: food eaten at time τ, f(τ), of which the share g(t − τ) is still being "
              r"digested at time t; the integral is what the stomach holds at t), and on a grid of pixels $(I * K)(i, j) = \sum_m \sum_n I(i - m, j - n)\,K(m, n)$. What CNNs "
              r"and PyTorch's `conv2d` compute is *cross-correlation*, without the flip: $(I \star K)(i, j) = "
              r"\sum_m \sum_n I(i + m, j + n)\,K(m, n)$. Correlating with the kernel turned by 180° is true "
              r"convolution: that is the *flip* switch above. A CNN learns its kernels, so it simply learns the "
              r"flipped one: for it, the flip does not matter.",
        "zh": r"在数学中，卷积会把两个函数之一翻转：$(f * g)(x) = \int f(\tau)\,g(x - \tau)\,d\tau$（讲义里的比喻："
              r"在 τ 时刻吃下的食物 f(τ)，到 t 时刻仍有 g(t − τ) 的比例在消化，积分就是 t 时刻胃里的总量）；在像素网格上是 "
              r"$(I * K)(i, j) = \sum_m \sum_n I(i - m, j - n)\,K(m, n)$。CNN 和 PyTorch 的 `conv2d` 计算的是*互相关*，"
              r"不翻转：$(I \star K)(i, j) = \sum_m \sum_n I(i + m, j + n)\,K(m, n)$。与旋转 180° 的卷积核做互相关，"
              r"就是真正的卷积：这就是上面的*翻转*开关。CNN 的卷积核是学出来的，它会直接学到翻转后的那个：对 CNN 来说，翻不翻转并不重要。",
    },
    "kl.flip_kernel": {"en": "The kernel in use", "zh": "当前的卷积核"},
    "kl.flip_flipped": {"en": "Turned by 180°", "zh": "旋转 180°"},
    # pixels
    "kl.pixel_title": {"en": "What a pixel is, and what resolution changes", "zh": "什么是像素，分辨率改变了什么"},
    "kl.pixel_lesson": {
        "en": "A grey picture is a grid of numbers, one per pixel: 0 is black, 1 (or 255) white. A colour pixel "
              "is three numbers, red, green and blue. The app turns colour into grey with the luma formula "
              "Y = 0.299·R + 0.587·G + 0.114·B (ITU-R BT.601, as OpenCV and Pillow do).",
        "zh": "灰度图是一个数字网格，每个像素一个数：0 是黑，1（或 255）是白。彩色像素是三个数：红、绿、蓝。"
              "本应用用亮度公式 Y = 0.299·R + 0.587·G + 0.114·B（ITU-R BT.601，与 OpenCV 和 Pillow 相同）把彩色变成灰度。",
    },
    "kl.pixel_rgb": {
        "en": "The inspected input pixel (x={x}, y={y}): R = {r} ({r8}), G = {g} ({g8}), B = {b} ({b8}); "
              "Y = 0.299·{r} + 0.587·{g} + 0.114·{b} = {luma}.",
        "zh": "所查看的输入像素（x={x}，y={y}）：R = {r}（{r8}），G = {g}（{g8}），B = {b}（{b8}）；"
              "Y = 0.299·{r} + 0.587·{g} + 0.114·{b} = {luma}。",
    },
    "kl.pixel_grey": {
        "en": "The inspected input pixel (x={x}, y={y}) holds one number: {v} ({v8} of 255).",
        "zh": "所查看的输入像素（x={x}，y={y}）只有一个数：{v}（255 中的 {v8}）。",
    },
    "kl.resolution": {
        "en": "Resolution is how many pixels cover the scene. The same {k}×{k} kernel always reaches {k} pixels: "
              "on the photo at half the size those pixels cover twice as much of the scene, so what it finds is "
              "coarser.",
        "zh": "分辨率就是用多少个像素覆盖画面。同一个 {k}×{k} 卷积核总是只够到 {k} 个像素：在缩小一半的照片上，这些像素覆盖的画面是原来的两倍，"
              "所以它找到的东西更粗。",
    },
    "kl.resolution_full": {"en": "At {w}×{h}", "zh": "在 {w}×{h} 上"},
    "kl.resolution_half": {"en": "At {w}×{h} (half), shown as large", "zh": "在 {w}×{h}（一半）上，按同样大小显示"},
    "kl.histogram_count": {"en": "Pixels", "zh": "像素数"},
    "kl.close_up": {"en": "Close-up around pixel ({x}, {y})", "zh": "像素 ({x}, {y}) 周围的特写"},
    "kl.close_in": {"en": "Input, the window outlined", "zh": "输入，窗口已框出"},
    "kl.close_out": {"en": "Output, the pixel marked", "zh": "输出，像素已标出"},
    "kl.close_value": {
        "en": "Output at ({x}, {y}): **{value}**. [Its window, products and sum ↓](#inspect)",
        "zh": "({x}, {y}) 处的输出：**{value}**。[查看它的窗口、乘积与求和 ↓](#inspect)",
    },
    "kl.input_alt": {"en": "The input picture", "zh": "输入图像"},
    "kl.shrinking": {
        "en": "Without padding, the same layer again and again takes the shorter side {chain}: after {n} layers "
              "the kernel no longer fits. Padding keeps the size, so a network can be deep.",
        "zh": "不填充时，同一层反复作用会让短边变为 {chain}：{n} 层之后卷积核就放不下了。填充能保持尺寸，网络才能做得很深。",
    },
}
