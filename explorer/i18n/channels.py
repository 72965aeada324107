"""Strings of the Channels page."""
STRINGS: dict[str, dict[str, str]] = {
    "page.channels.title": {"en": "Channels", "zh": "通道"},
    "page.channels.blurb": {
        "en": "Inside one convolution layer: a colour photo's three channels, one kernel each, summed into a "
              "feature map; many filters; groups and 1×1 convolutions; why shared weights matter.",
        "zh": "深入一个卷积层：彩色照片的三个通道各用一个卷积核，相加得到一张特征图；多个滤波器；分组卷积与 1×1 卷积；"
              "为什么共享权重如此重要。",
    },
    "ch.intro": {
        "en": "A colour photo has three channels. One filter of a convolution layer holds one kernel per channel; "
              "it correlates each channel with its kernel, adds the three results and a bias, and gives one "
              "feature map. A layer with n filters gives n feature maps.",
        "zh": "彩色照片有三个通道。卷积层的一个滤波器为每个通道各准备一个卷积核：每个通道与自己的卷积核做互相关，三个结果相加"
              "再加上偏置，得到一张特征图。有 n 个滤波器的层就输出 n 张特征图。",
    },
    "ch.tab_one": {"en": "One filter, step by step", "zh": "一个滤波器，逐步计算"},
    "ch.tab_many": {"en": "Many filters", "zh": "多个滤波器"},
    "ch.tab_groups": {"en": "Groups and 1×1", "zh": "分组与 1×1"},
    "ch.tab_sharing": {"en": "Why share weights", "zh": "为什么共享权重"},
    "ch.one_intro": {
        "en": "Choose the filter's kernel for each channel. Top row: the channels; middle: their kernels; bottom: "
              "each channel ⋆ its kernel, and on the right their sum plus the bias.",
        "zh": "为每个通道选择滤波器的卷积核。上排：各通道；中排：对应的卷积核；下排：每个通道 ⋆ 其卷积核，最右边是它们的和加上偏置。",
    },
    "ch.one_settings": {"en": "Kernels, weights and bias", "zh": "卷积核、权重和偏置"},
    "ch.kernel_for": {"en": "Kernel for {c}", "zh": "{c} 通道的卷积核"},
    "ch.kernel.off": {"en": "Off (zeros)", "zh": "关闭（全 0）"},
    "ch.kernel.identity": {"en": "Identity", "zh": "恒等"},
    "ch.kernel.sobel_x": {"en": "Sobel x", "zh": "Sobel x"},
    "ch.kernel.sobel_y": {"en": "Sobel y", "zh": "Sobel y"},
    "ch.kernel.box_blur": {"en": "Box blur", "zh": "均值模糊"},
    "ch.kernel.sharpen": {"en": "Sharpen", "zh": "锐化"},
    "ch.kernel.laplacian_4": {"en": "Laplacian", "zh": "拉普拉斯"},
    "ch.kernel.outline": {"en": "Outline", "zh": "轮廓"},
    "ch.kernel.emboss": {"en": "Emboss", "zh": "浮雕"},
    "ch.kernel.custom": {"en": "Type your own", "zh": "自己输入"},
    "ch.grid_reset": {"en": "Start again", "zh": "重新开始"},
    "ch.grid_reset_help": {
        "en": "Put back the preset this channel used before, at its weight.",
        "zh": "恢复该通道之前使用的预设卷积核（含权重）。",
    },
    "ch.weight": {"en": "Weight", "zh": "权重"},
    "ch.bias": {"en": "Bias", "zh": "偏置"},
    "ch.bias_help": {
        "en": "One number added to every pixel of the feature map (one bias per filter).",
        "zh": "加到特征图每个像素上的一个数（每个滤波器一个偏置）。",
    },
    "ch.channel_caption": {"en": "{c} channel, shape ({h}, {w})", "zh": "{c} 通道，形状 ({h}, {w})"},
    "ch.input_caption": {"en": "Input, shape (3, {h}, {w})", "zh": "输入，形状 (3, {h}, {w})"},
    "ch.filter_shape": {
        "en": "One filter = three kernels: shape **{shape}**",
        "zh": "一个滤波器 = 三个卷积核：形状 **{shape}**",
    },
    "ch.map_caption": {"en": "{c} ⋆ kernel → ({h}, {w})", "zh": "{c} ⋆ 卷积核 → ({h}, {w})"},
    "ch.sum_caption": {
        "en": "Sum of the three + bias {bias} = one feature map ({h}, {w})",
        "zh": "三者之和 + 偏置 {bias} = 一张特征图 ({h}, {w})",
    },
    "ch.one_note": {
        "en": "The default filter takes Sobel x on red minus Sobel x on green, which is Sobel x of R − G: it "
              "responds where R − G changes from left to right. A red area next to a green one gives the "
              "strongest response (±8), a black|red edge half of it (±4), a black|white edge none (R − G is 0 "
              "on both sides). Feature maps show positive values in red and negative values in blue.",
        "zh": "默认滤波器是红色通道的 Sobel x 减去绿色通道的 Sobel x，也就是对 R − G 做 Sobel x：它在 R − G 从左到右变化的地方有响应。"
              "红色区域紧挨绿色区域时响应最强（±8），黑|红边缘是它的一半（±4），黑|白边缘没有响应（两侧的 R − G 都是 0）。"
              "特征图用红蓝配色显示：红为正，蓝为负。",
    },
    "ch.many_intro": {
        "en": "Pick up to eight filters. Each gives one feature map; together they are the layer's output, shape "
              "(n, H, W). At every position the layer is a linear map of one window (3×3×3 numbers in, n out): "
              "n neurons looking at the same window with different weights, the 'depth column' of that position. "
              "A first layer finds edges and colours like these; layers above combine them into textures, then "
              "parts. The layer below is a real nn.Conv2d loaded with these weights.",
        "zh": "最多选择八个滤波器。每个滤波器输出一张特征图；合起来就是该层的输出，形状为 (n, H, W)。在每个位置上，这一层是对一个"
              "窗口的线性映射（输入 3×3×3 个数，输出 n 个）：n 个神经元用不同的权重看同一个窗口，即该位置的“深度列”。第一层找到的"
              "就是这样的边缘和颜色；更高的层把它们组合成纹理，再组合成部件。下面的层是载入了这些权重的真正 nn.Conv2d。",
    },
    "ch.bank": {"en": "Filters", "zh": "滤波器"},
    "ch.filter.edges_x": {"en": "Vertical edges", "zh": "竖直边缘"},
    "ch.filter.edges_y": {"en": "Horizontal edges", "zh": "水平边缘"},
    "ch.filter.red_vs_green": {"en": "Red vs green", "zh": "红 vs 绿"},
    "ch.filter.blue_vs_yellow": {"en": "Blue vs yellow", "zh": "蓝 vs 黄"},
    "ch.filter.blur": {"en": "Blur", "zh": "模糊"},
    "ch.filter.outline": {"en": "Outline", "zh": "轮廓"},
    "ch.filter.red_edges": {"en": "Edges in red only", "zh": "仅红色通道的边缘"},
    "ch.filter.emboss": {"en": "Emboss", "zh": "浮雕"},
    "ch.bank_empty": {"en": "Pick at least one filter.", "zh": "请至少选择一个滤波器。"},
    "ch.bank_too_many": {
        "en": "{n} filters are picked; this page shows at most {high}. Remove some.",
        "zh": "已选择 {n} 个滤波器；本页最多显示 {high} 个。请去掉一些。",
    },
    "ch.fmap_caption": {"en": "{name}: ({h}, {w})", "zh": "{name}：({h}, {w})"},
    "ch.weight_shape": {"en": "Weight tensor (out, in, kh, kw)", "zh": "权重张量 (输出, 输入, kh, kw)"},
    "ch.param_count": {"en": "Parameters", "zh": "参数个数"},
    "ch.param_formula": {"en": "{n}·3·3·3 weights + {n} biases", "zh": "{n}·3·3·3 个权重 + {n} 个偏置"},
    "ch.layer_agrees": {
        "en": "nn.Conv2d gives exactly the step-by-step sums (largest difference {diff}).",
        "zh": "nn.Conv2d 的结果与逐步求和完全一致（最大差值 {diff}）。",
    },
    "ch.layer_differs": {
        "en": "nn.Conv2d differs from the step-by-step sums by {diff}. Please report this.",
        "zh": "nn.Conv2d 与逐步求和相差 {diff}。请报告此问题。",
    },
    "ch.groups_intro": {
        "en": "Four ways to build a layer on a 3-channel input. A standard convolution mixes all channels in "
              "every filter; a depthwise one (groups = in_channels) keeps each channel apart; a 1×1 convolution "
              "only mixes channels (Inception's bottleneck); depthwise then 1×1 is MobileNet's separable block.",
        "zh": "在 3 通道输入上构建一层的四种方式。标准卷积的每个滤波器都混合所有通道；深度卷积（groups = 输入通道数）让各通道互不干扰；"
              "1×1 卷积只混合通道（Inception 的瓶颈层）；先深度卷积再 1×1 就是 MobileNet 的可分离卷积块。",
    },
    "ch.g_out": {"en": "Output channels", "zh": "输出通道数"},
    "ch.g_k": {"en": "Kernel size", "zh": "卷积核大小"},
    "ch.group.standard": {"en": "Standard", "zh": "标准卷积"},
    "ch.group.depthwise": {"en": "Depthwise", "zh": "深度卷积"},
    "ch.group.pointwise": {"en": "1×1 (pointwise)", "zh": "1×1（逐点）"},
    "ch.group.separable": {"en": "Depthwise + 1×1", "zh": "深度卷积 + 1×1"},
    "ch.group.standard.desc": {"en": "Every filter sees every channel.", "zh": "每个滤波器都看到所有通道。"},
    "ch.group.depthwise.desc": {
        "en": "One kernel per channel; output channels = input channels.",
        "zh": "每个通道一个卷积核；输出通道数 = 输入通道数。",
    },
    "ch.group.pointwise.desc": {
        "en": "No neighbours, only a weighted mix of the channels at each pixel.",
        "zh": "不看邻域，只在每个像素上对各通道加权混合。",
    },
    "ch.group.separable.desc": {
        "en": "Space first, then channels: a restricted factorisation of the standard layer (it cannot express "
              "every standard filter), yet in practice it reaches similar accuracy with far fewer parameters and "
              "multiply-adds: here {params} instead of {std_params}, {macs} instead of {std_macs}.",
        "zh": "先处理空间，再混合通道：这是对标准卷积层的一种受限分解（它不能表示所有标准滤波器），但实践中能达到相近的准确率，"
              "而参数和乘加次数少得多：这里是 {params} 对 {std_params}，{macs} 对 {std_macs}。",
    },
    "ch.params": {"en": "Parameters", "zh": "参数"},
    "ch.macs": {"en": "Multiply-adds on {w}×{h}", "zh": "{w}×{h} 上的乘加次数"},
    "ch.macs_short": {"en": "Multiply-adds", "zh": "乘加次数"},
    "ch.out_channels": {"en": "{n} output channels", "zh": "{n} 个输出通道"},
    "ch.log_scale": {"en": "count (log scale)", "zh": "数量（对数坐标）"},
    "ch.sharing_intro": {
        "en": "Map this {w}×{h} colour photo to one feature map of the same size. How many weights does that "
              "take? Sparse interactions (each output looks at a 3×3 window) and parameter sharing (the same "
              "window weights everywhere) are what make a convolution small.",
        "zh": "把这张 {w}×{h} 的彩色照片映射成一张同样大小的特征图，需要多少个权重？稀疏交互（每个输出只看 3×3 窗口）和"
              "参数共享（各处使用同一组窗口权重）让卷积变得很小。",
    },
    "ch.count.dense": {"en": "Fully connected", "zh": "全连接"},
    "ch.count.local": {"en": "Local, not shared", "zh": "局部连接，不共享"},
    "ch.count.shared": {"en": "Convolution", "zh": "卷积"},
    "ch.count.dense.desc": {
        "en": "m·n: every output pixel has a weight for every input value.",
        "zh": "m·n：每个输出像素对每个输入值都有一个权重。",
    },
    "ch.count.local.desc": {
        "en": "k·n: each output sees only its 3×3×3 window (27 weights), but has its own.",
        "zh": "k·n：每个输出只看自己的 3×3×3 窗口（27 个权重），但权重各不相同。",
    },
    "ch.count.shared.desc": {
        "en": "k: the same 27 weights slide over the whole image.",
        "zh": "k：同样的 27 个权重在整幅图像上滑动。",
    },
    "ch.bytes": {"en": "{size} as float32", "zh": "float32 下占 {size}"},
    "ch.sharing_note": {
        "en": "Sharing also means that a feature is found wherever it appears in the picture: shifting the input "
              "shifts the feature map (equivariance).",
        "zh": "共享权重还意味着：无论特征出现在图像的哪个位置都能被找到；输入平移，特征图也随之平移（等变性）。",
    },
    "ch.tm_title": {"en": "A kernel is a template", "zh": "卷积核就是模板"},
    "ch.tm_intro": {
        "en": "Cut a {side}×{side} patch from the photo (minus its mean) and use it as the kernel: its response is "
              "largest where the photo looks like the patch. The plain response also grows with the contrast of "
              "each window, so it is divided by that contrast (normalised cross-correlation): then it is 1 "
              "exactly where the pattern is. Weight sharing is what lets one kernel find its pattern anywhere.",
        "zh": "从照片上切下一块 {side}×{side} 的区域（减去其均值）作为卷积核：照片上越像这块的地方，响应越大。普通的响应还会随每个窗口的对比度"
              "增大，所以要除以这个对比度（归一化互相关）：这样在图案所在处它恰好为 1。正是权重共享让一个卷积核能在任何位置找到它的图案。",
    },
    "ch.tm_patch": {"en": "The patch, outlined on the photo", "zh": "在照片上框出的切片"},
    "ch.tm_matched": {"en": "Normalised response (white: 1, black: −1)", "zh": "归一化响应（白：1，黑：−1）"},
    "ch.tm_result": {
        "en": "The largest normalised response ({value}) is at x={x}, y={y}: where the patch was cut "
              "(x={px}, y={py}). The plain response peaks at x={bx}, y={by}, where the photo has most contrast.",
        "zh": "归一化响应最大（{value}）的位置在 x={x}，y={y}：正是切片所在处（x={px}，y={py}）。普通响应的峰值在 x={bx}，y={by}，"
              "那里照片的对比度最大。",
    },
    "ch.scales_note": {
        "en": "Red positive, blue negative, white 0. The three channel maps share one scale, full colour at "
              "±{maps}; the sum has its own, ±{sum} (each the {percentile}th percentile of |value|): where the "
              "channels cancel, the sum is much weaker than its parts.",
        "zh": "红为正，蓝为负，白为 0。三张通道特征图共用一个色标，在 ±{maps} 处颜色最深；它们的和有自己的色标 ±{sum}"
              "（都取 |数值| 的第 {percentile} 百分位数）：各通道相互抵消的地方，和比各部分弱得多。",
    },
    "ch.g_settings": {"en": "Output channels and kernel size", "zh": "输出通道数和卷积核大小"},
    "ch.g_code": {"en": "The modules", "zh": "模块代码"},
    "ch.shapes_title": {"en": "Any layer's shapes, any number of channels", "zh": "任意层的形状，任意通道数"},
    "ch.shapes_note": {
        "en": "The weight {weight} is (out, in, kh, kw): each of the {out} filters has a {k}×{k} kernel for every "
              "one of the {c} input channels; {params} parameters with the biases. Shapes from a real nn.Conv2d "
              "on torch's meta device (nothing computed).",
        "zh": "权重 {weight} 的含义是 (输出, 输入, kh, kw)：{out} 个滤波器中的每一个，对 {c} 个输入通道各有一个 {k}×{k} 的卷积核；"
              "连同偏置共 {params} 个参数。形状来自 torch meta 设备上的真正 nn.Conv2d（不做任何计算）。",
    },
}
