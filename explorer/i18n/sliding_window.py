"""Strings of the Sliding Window page."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ sliding window
    "page.sliding_window.title": {"en": "Sliding Window", "zh": "滑动窗口"},
    "page.sliding_window.blurb": {
        "en": "Watch the kernel slide over a small grid, step by step, with every multiplication and sum: "
              "correlation, true convolution, transposed convolution, max and average pooling.",
        "zh": "一步一步看卷积核在小网格上滑动，每一次乘法和求和都清清楚楚：互相关、真正的卷积、转置卷积、最大池化和平均池化。",
    },
    "sw.intro": {
        "en": "Press Play and follow the orange window: each output cell is the sum of the window's values times "
              "the kernel's. The slider, the step buttons and the ← → keys go back and forth.",
        "zh": "按下“播放”，跟着橙色窗口走：每个输出单元格都是窗口中的值与卷积核对应值的乘积之和。用滑块、单步按钮或 ← → 键前后移动。",
    },
    "sw.input": {"en": "Input grid", "zh": "输入网格"},
    "sw.source": {"en": "Values from", "zh": "数值来源"},
    "sw.source.generate": {"en": "Generate", "zh": "生成"},
    "sw.source.type": {"en": "Type", "zh": "手动输入"},
    "sw.source.image": {"en": "The image", "zh": "当前图像"},
    "sw.kind": {"en": "Pattern", "zh": "图案"},
    "sw.kind.random": {"en": "Random integers 0–9", "zh": "0–9 的随机整数"},
    "sw.kind.step": {"en": "Step edge", "zh": "阶跃边缘"},
    "sw.kind.diagonal": {"en": "Diagonal line", "zh": "对角线"},
    "sw.kind.dot": {"en": "Single dot", "zh": "单个点"},
    "sw.seed": {"en": "Random seed", "zh": "随机种子"},
    "sw.x": {"en": "Region: left ↔ right", "zh": "区域：左 ↔ 右"},
    "sw.y": {"en": "Region: top ↕ bottom", "zh": "区域：上 ↕ 下"},
    "sw.size": {"en": "Region size (share of the shorter side)", "zh": "区域大小（占短边的比例）"},
    "sw.scale": {"en": "Values", "zh": "数值范围"},
    "sw.scale.255": {"en": "0–255", "zh": "0–255"},
    "sw.scale.1": {"en": "0–1", "zh": "0–1"},
    "sw.reset": {"en": "Start from the generated grid", "zh": "从生成的网格开始"},
    "sw.reset_help": {
        "en": "Fill the editor with the grid of the Generate tab.",
        "zh": "用“生成”中的网格填充编辑器。",
    },
    "sw.mode_and_kernel": {"en": "Operation", "zh": "运算"},
    "sw.mode": {"en": "Mode", "zh": "模式"},
    "sw.mode.correlation": {"en": "Cross-correlation (nn.Conv2d)", "zh": "互相关（nn.Conv2d）"},
    "sw.mode.convolution": {"en": "True convolution (flipped kernel)", "zh": "真正的卷积（翻转卷积核）"},
    "sw.mode.transposed": {"en": "Transposed convolution", "zh": "转置卷积"},
    "sw.mode.max_pool": {"en": "Max pooling", "zh": "最大池化"},
    "sw.mode.avg_pool": {"en": "Average pooling", "zh": "平均池化"},
    "sw.mode.correlation.desc": {
        "en": "What PyTorch's conv2d computes: the kernel is laid on the window as it is.",
        "zh": "PyTorch 的 conv2d 计算的就是它：卷积核原样放在窗口上。",
    },
    "sw.mode.convolution.desc": {
        "en": "The mathematical convolution: the kernel is rotated by 180° first (shown flipped).",
        "zh": "数学意义上的卷积：先把卷积核旋转 180°（图中显示的是翻转后的核）。",
    },
    "sw.mode.transposed.desc": {
        "en": "Each input cell stamps value × kernel into the output; where stamps overlap they add up. "
              "Padding crops the border (dashed).",
        "zh": "每个输入单元格把“值 × 卷积核”印到输出上；印记重叠处相加。填充会裁掉边框（虚线）。",
    },
    "sw.mode.max_pool.desc": {
        "en": "Each window keeps its largest value; padding counts as −∞, so it never wins.",
        "zh": "每个窗口保留最大的值；填充视为 −∞，永远不会被选中。",
    },
    "sw.mode.avg_pool.desc": {
        "en": "Each window keeps its mean; padding zeros count in the mean, as in PyTorch.",
        "zh": "每个窗口保留平均值；与 PyTorch 一样，填充的零也计入平均。",
    },
    "sw.pool": {"en": "Window size", "zh": "窗口大小"},
    "sw.params": {"en": "Padding, stride, dilation", "zh": "填充、步幅、膨胀"},
    "sw.first_kernel": {
        "en": "This preset combines two kernels; the animation shows the first one.",
        "zh": "该预设组合了两个卷积核；动画显示第一个。",
    },
    "sw.padding_help": {
        "en": "Cells added around the grid (drawn in blue, holding what the padding mode puts there).",
        "zh": "在网格四周添加的单元格（蓝色，显示填充方式放入的值）。",
    },
    "sw.fig.input": {"en": "Input (padding in blue)", "zh": "输入（蓝色为填充）"},
    "sw.fig.kernel": {"en": "Kernel", "zh": "卷积核"},
    "sw.fig.flipped": {"en": "Kernel, flipped 180°", "zh": "卷积核（已翻转 180°）"},
    "sw.fig.window": {"en": "Window", "zh": "窗口"},
    "sw.fig.output": {"en": "Output", "zh": "输出"},
    "sw.fig.step": {"en": "Step", "zh": "第"},
    "sw.speed": {"en": "Speed", "zh": "速度"},
    "sw.speed.slow": {"en": "Slow", "zh": "慢速"},
    "sw.speed.normal": {"en": "Normal", "zh": "正常"},
    "sw.speed.fast": {"en": "Fast", "zh": "快速"},
    "sw.play": {"en": "Play", "zh": "播放"},
    "sw.pause": {"en": "Pause", "zh": "暂停"},
    "sw.step_slider": {"en": "Step", "zh": "步骤"},
    "sw.key_help": {"en": "Keyboard: ← and →", "zh": "键盘：← 和 →"},
    "sw.back": {"en": "Back", "zh": "上一步"},
    "sw.forward": {"en": "Next", "zh": "下一步"},
    "sw.step_of": {"en": "Step {i} of {n}", "zh": "第 {i} 步，共 {n} 步"},
    "sw.matches": {
        "en": "Every step's result equals the output of explorer.ops, which is PyTorch's.",
        "zh": "每一步的结果都与 explorer.ops（即 PyTorch）的输出一致。",
    },
    "sw.mismatch": {
        "en": "A step's result differs from explorer.ops. Please report this.",
        "zh": "某一步的结果与 explorer.ops 不一致。请报告此问题。",
    },
    "sw.overflow": {
        "en": "Some outputs are inf or nan: the kernel's numbers overflow float32 (at most about 3.4e38), so the "
              "steps' exact sums cannot match them.",
        "zh": "部分输出为 inf 或 nan：卷积核中的数超出了 float32 的范围（最大约 3.4e38），因此各步的精确和无法与之相符。",
    },
    "sw.export": {"en": "Take it with you", "zh": "导出"},
    "sw.make_gif": {"en": "Make an animated GIF", "zh": "生成 GIF 动画"},
    "sw.gif_wait": {"en": "Drawing the frames…", "zh": "正在绘制各帧……"},
    "sw.download_gif": {"en": "Download the GIF", "zh": "下载 GIF"},
    "sw.code": {"en": "PyTorch code for these settings", "zh": "这些设置对应的 PyTorch 代码"},
    "sw.example": {"en": "The notes' worked example", "zh": "笔记中的例题"},
    "sw.example_help": {
        "en": "Types in the course notes' 5×5 input (3 4 6 5 7 / 2 4 6 8 2 / …) and the kernel 1…9, with padding 1 "
              "of zeros, no bias: step through it and check each sum.",
        "zh": "输入课程笔记中的 5×5 例子（3 4 6 5 7 / 2 4 6 8 2 / …）和卷积核 1…9，补零填充 1，无偏置：逐步查看并核对每个和。",
    },
    "sw.example_result": {
        "en": "The notes' worked example, computed: the first output row is {row}, the centre {centre}.",
        "zh": "笔记例题的计算结果：输出的第一行是 {row}，中心是 {centre}。",
    },
    "sw.settings_title": {"en": "Input, kernel and parameters", "zh": "输入、卷积核和参数"},
}
