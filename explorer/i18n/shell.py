"""Strings of the shell: language and presentation switches, image source, device badge, Home, navigation, kernel picker, convolution parameters."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ shell
    "lang.label": {"en": "Language · 语言", "zh": "Language · 语言"},
    "present.label": {"en": "Presentation mode", "zh": "演示模式"},
    "present.help": {
        "en": "For a projector: larger type, black on white, the sidebar folded away (open it with the arrow at "
              "the top left). Links copied in this mode open in it.",
        "zh": "用于投影仪：更大的字号，白底黑字，侧边栏收起（点左上角的箭头可再打开）。在此模式下复制的链接也会以此模式打开。",
    },
    "src.upload_button": {"en": "Upload", "zh": "上传"},
    "share.ignored": {
        "en": "Some settings in the link could not be used and were reset to their defaults: {settings}",
        "zh": "链接中的部分设置无法使用，已恢复为默认值：{settings}",
    },
    "device.badge": {"en": "Computing on: {device}", "zh": "计算设备：{device}"},
    "device.cpu": {"en": "CPU · threads: {threads}", "zh": "CPU · {threads} 个线程"},
    "device.cuda": {"en": "CUDA · {name}", "zh": "CUDA · {name}"},
    "device.mps": {"en": "Apple MPS", "zh": "Apple MPS"},
    "fig.scale_note": {
        "en": "Red positive, blue negative, white 0; full colour at ±{scale} (the {percentile}th percentile of "
              "|value|), so a few extreme pixels do not wash out the rest.",
        "zh": "红为正，蓝为负，白为 0；在 ±{scale}（|数值| 的第 {percentile} 百分位数）处颜色最深，这样少数极端像素不会让其余部分褪色。",
    },
    "fig.scale_short": {"en": "colours ±{scale}", "zh": "色标 ±{scale}"},
    "fig.cell_tip": {"en": "row {row}, col {col}: {value}", "zh": "第 {row} 行，第 {col} 列：{value}"},
    "src.title": {"en": "Image", "zh": "图像"},
    "src.not_here": {
        "en": "The Network page has its own inputs (test digits, a drawing, a photo of a digit, your classes); "
              "the image chosen here stays for the other pages.",
        "zh": "网络页面有自己的输入（测试数字、手绘、数字照片、你自己的类别）；这里选的图像留给其他页面使用。",
    },
    "src.upload": {"en": "Upload your own photo", "zh": "上传你自己的照片"},
    "budget.let_go": {
        "en": "Each student keeps at most {mb} MB on this server, so the oldest of what you kept was let go: {what}. "
              "Upload or train it again when you need it.",
        "zh": "每位学生在本服务器上最多保留 {mb} MB，因此你保留的内容中最早的部分已被释放：{what}。需要时请重新上传或训练。",
    },
    "budget.separator": {"en": "; ", "zh": "；"},
    "budget.upload": {"en": "the uploaded file {name}", "zh": "上传的文件 {name}"},
    "budget.idx": {"en": "the images unpacked from your MNIST files", "zh": "从你的 MNIST 文件中解出的图像"},
    "budget.set": {"en": "your classes' images (the example set comes back)",
                   "zh": "你的类别中的图像（将恢复为示例图像集）"},
    "budget.model": {"en": "the network trained on “{source}”", "zh": "在“{source}”上训练的网络"},
    "src.upload_help": {
        "en": "JPEG, PNG, WebP, BMP, TIFF or GIF (first frame), up to {limit} MB. An upload is used instead of the sample.",
        "zh": "JPEG、PNG、WebP、BMP、TIFF 或 GIF（取第一帧），最大 {limit} MB。上传后将代替示例图像。",
    },
    "src.sample": {"en": "…or pick a sample", "zh": "……或选择一张示例图"},
    "sample.cat": {"en": "Chelsea the cat (photo)", "zh": "小猫 Chelsea（照片）"},
    "sample.coffee": {"en": "Coffee cup (photo)", "zh": "咖啡杯（照片）"},
    "sample.astronaut": {"en": "Astronaut Eileen Collins (photo)", "zh": "宇航员 Eileen Collins（照片）"},
    "sample.camera": {"en": "Cameraman (greyscale photo)", "zh": "摄影师（灰度照片）"},
    "sample.shapes": {"en": "Shapes and text (synthetic)", "zh": "图形和文字（合成）"},
    "sample.checkerboard": {"en": "Checkerboard and ramp (synthetic)", "zh": "棋盘格和渐变（合成）"},
    "src.camera": {"en": "Use the camera", "zh": "使用摄像头"},
    "src.camera_take": {"en": "Take a snapshot", "zh": "拍一张照片"},
    "src.camera_name": {"en": "camera snapshot", "zh": "摄像头照片"},
    "src.pacing": {"en": "Taking your new photo (each student may send up to {rate} MB of photos a second)…",
                   "zh": "正在读取你的新照片（每位学生每秒最多可发送 {rate} MB 的照片）……"},
    "src.rejected": {"en": "That file was not used: {why}", "zh": "未使用该文件：{why}"},
    "src.using": {"en": "Using **{name}**, {w}×{h} pixels.", "zh": "正在使用 **{name}**，{w}×{h} 像素。"},
    "num.rounding": {"en": "{gap}, float32 rounding", "zh": "{gap}，float32 舍入误差"},
    "src.working_copy": {
        "en": "This page computes on a copy of it at {w}×{h}, so that every panel answers at once.",
        "zh": "本页使用它的 {w}×{h} 副本进行计算，这样每个面板都能立即响应。",
    },
    "src.scaled": {
        "en": "The image is {w0}×{h0}; it was scaled down to {w}×{h} to stay responsive.",
        "zh": "该图像为 {w0}×{h0}；为保持流畅，已缩小为 {w}×{h}。",
    },
    "src.first_frame": {"en": "The file has {n} frames; the first one is used.", "zh": "该文件有 {n} 帧，使用第一帧。"},
    # ------------------------------------------------------------ home
    "home.nav": {"en": "Home", "zh": "首页"},
    "home.title": {"en": "CNN Explorer", "zh": "CNN 探索器"},
    "home.intro": {
        "en": "A **convolution** slides a small grid of numbers, the **kernel**, over an image. At every position it "
              "multiplies the kernel with the pixels underneath and adds the products up: that sum is one pixel of "
              "the output. Different kernels blur, sharpen or find edges, and a convolutional neural network "
              "(CNN) is built from layers of kernels it learns by itself. Pick a page on the left, use the "
              "sample images or upload your own photo in the sidebar, and watch the numbers.",
        "zh": "**卷积**就是让一个小的数字网格——**卷积核**——在图像上滑动。在每个位置，它把卷积核与下面的像素逐个相乘，"
              "再把乘积加起来：这个和就是输出图像的一个像素。不同的卷积核可以模糊、锐化或找出边缘，而卷积神经网络（CNN）"
              "就是由一层层自己学出来的卷积核组成的。在左侧选择一个页面，使用侧边栏中的示例图像或上传你自己的照片，看看这些数字吧。",
    },
    "home.pages": {"en": "What each page teaches", "zh": "每个页面讲什么"},
    "home.device": {"en": "Where it computes", "zh": "计算设备"},
    "home.device_note": {
        "en": "Every result is computed with PyTorch, on the GPU when there is one; the numbers are exactly PyTorch's.",
        "zh": "所有结果都用 PyTorch 计算，有 GPU 时使用 GPU；显示的数字与 PyTorch 完全一致。",
    },
    "home.start": {"en": "Try this first", "zh": "先试试这些"},
    "home.start_steps": {
        "en": "1. Open **Kernel Lab**: its first kernel, *Sobel magnitude*, keeps only the edges of the cat.\n"
              "2. Switch to *Gaussian blur* (5×5) and drag the size slider.\n"
              "3. Click a pixel of the output: below the pictures are its window, the 25 multiplications "
              "(5×5) behind it and their sum.\n"
              "4. Open **Sliding Window** and press Play: the same sums, one cell at a time.",
        "zh": "1. 打开**卷积核实验室**：它的第一个卷积核 *Sobel 梯度幅值* 让小猫只剩下边缘。\n"
              "2. 换成 *高斯模糊*（5×5），拖动尺寸滑块。\n"
              "3. 点击输出图像上的一个像素：图片下方是它的窗口、背后的 25 次乘法（5×5）以及它们的和。\n"
              "4. 打开**滑动窗口**，按下“播放”：同样的求和，一次一个单元格。",
    },
    "page.kernel_lab.title": {"en": "Kernel Lab", "zh": "卷积核实验室"},
    "page.kernel_lab.blurb": {
        "en": "Apply preset kernels (blur, sharpen, edges) or type your own, set padding, stride and dilation, "
              "and inspect the arithmetic behind any output pixel.",
        "zh": "应用预设卷积核（模糊、锐化、边缘）或自己输入，设置填充、步幅和膨胀，并查看任意输出像素背后的计算。",
    },
    # ------------------------------------------------------------ kernel picker
    "kernel.source": {"en": "Kernel", "zh": "卷积核"},
    "kernel.source.preset": {"en": "Preset", "zh": "预设"},
    "kernel.source.custom": {"en": "Type your own", "zh": "自己输入"},
    "kernel.custom_label": {"en": "your kernel", "zh": "你的卷积核"},
    "kernel.preset": {"en": "Preset kernel", "zh": "预设卷积核"},
    "kernel.rows": {"en": "Rows", "zh": "行数"},
    "kernel.cols": {"en": "Columns", "zh": "列数"},
    "kernel.from_preset": {"en": "Start from the preset", "zh": "从预设开始"},
    "kernel.from_preset_help": {
        "en": "Fill the grid with the kernel of the preset chosen on the Preset tab.",
        "zh": "用预设中选择的卷积核填充网格。",
    },
    "kernel.invalid": {
        "en": "{why} The last valid kernel stays in use.",
        "zh": "{why} 继续使用上一个有效的卷积核。",
    },
    "kernel.flip": {"en": "Flip (true convolution)", "zh": "翻转（真正的卷积）"},
    "kernel.flip_help": {
        "en": "PyTorch's conv2d computes cross-correlation: the kernel is not flipped. Mathematical convolution "
              "rotates the kernel by 180° first; switch this on to see the difference.",
        "zh": "PyTorch 的 conv2d 计算的是互相关：卷积核不翻转。数学上的卷积会先把卷积核旋转 180°；打开此项即可看到区别。",
    },
    "kernel.normalize": {"en": "Normalize to sum 1", "zh": "归一化（和为 1）"},
    "kernel.normalize_help": {
        "en": "Divide every entry by the sum, so the average brightness is kept.",
        "zh": "把每个元素除以总和，使平均亮度保持不变。",
    },
    "param.size": {"en": "Size", "zh": "尺寸"},
    "param.sigma": {"en": "Sigma (spread)", "zh": "Sigma（扩散程度）"},
    "param.length": {"en": "Length", "zh": "长度"},
    "param.angle": {"en": "Angle (degrees)", "zh": "角度（度）"},
    "param.amount": {"en": "Amount", "zh": "强度"},
    # ------------------------------------------------------------ convolution parameters
    "conv.padding_kind": {"en": "Padding", "zh": "填充"},
    "conv.padding_kind.number": {"en": "Pixels", "zh": "指定像素"},
    "conv.padding_kind.same": {"en": "Same size", "zh": "保持尺寸"},
    "conv.padding_kind.valid": {"en": "None", "zh": "不填充"},
    "conv.padding_help": {
        "en": "Extra rows and columns around the image so the kernel can sit on the border. 'Same size' adds just "
              "enough to keep the size (stride 1 only, as PyTorch's padding='same'); 'None' is PyTorch's padding='valid'.",
        "zh": "在图像四周添加额外的行和列，使卷积核可以放在边界上。'保持尺寸' 添加恰好足够的填充以保持尺寸（仅限步幅 1，即 PyTorch 的 padding='same'）；'不填充' 即 PyTorch 的 padding='valid'。",
    },
    "conv.padding": {"en": "Padding pixels on each side", "zh": "每边填充的像素数"},
    "conv.padding_mode": {"en": "Padding mode", "zh": "填充方式"},
    "conv.padding_mode_help": {
        "en": "What the added border holds: zeros (nn.Conv2d's default), a mirror of the image (reflect), the "
              "edge pixel repeated (replicate), or the opposite side (circular).",
        "zh": "添加的边框里放什么：零（nn.Conv2d 的默认值）、图像的镜像（反射）、重复的边缘像素（复制），或图像另一侧的像素（循环）。",
    },
    "conv.mode.zeros": {"en": "Zeros", "zh": "补零"},
    "conv.mode.reflect": {"en": "Reflect", "zh": "反射"},
    "conv.mode.replicate": {"en": "Replicate", "zh": "复制边缘"},
    "conv.mode.circular": {"en": "Circular", "zh": "循环"},
    "conv.stride": {"en": "Stride", "zh": "步幅"},
    "conv.stride_help": {
        "en": "How far the kernel jumps between outputs. Stride 2 about halves the size, exactly "
              "⌊(n + 2·padding − kernel)/2⌋ + 1: 5 pixels, kernel 3, no padding give ⌊(5 − 3)/2⌋ + 1 = 2.",
        "zh": "卷积核每次移动的距离。步幅为 2 时尺寸大约减半，准确地说是 ⌊(n + 2·填充 − 核尺寸)/2⌋ + 1："
              "5 个像素、核尺寸 3、不填充时得到 ⌊(5 − 3)/2⌋ + 1 = 2。",
    },
    "conv.dilation": {"en": "Dilation", "zh": "膨胀率"},
    "conv.dilation_help": {
        "en": "Gaps between the kernel's taps: a 3×3 kernel with dilation 2 covers 5×5 pixels.",
        "zh": "卷积核各元素之间的间隔：膨胀率为 2 的 3×3 卷积核覆盖 5×5 个像素。",
    },
    "share.title": {"en": "Share this view", "zh": "分享此视图"},
    "share.help": {
        "en": "A link to this page with its settings as they are now. Tick what students should not see, or see "
              "but not change: the link hides or locks it on every page they open.",
        "zh": "指向本页当前设置的链接。勾选学生不应看到、或能看到但不能修改的设置：链接会在他们打开的每个页面上隐藏或锁定它。"},
    "share.hide": {"en": "Hidden from students", "zh": "对学生隐藏"},
    "share.lock": {"en": "Shown, but locked", "zh": "显示但锁定"},
    "share.qr": {"en": "The same link as a QR code", "zh": "同一链接的二维码"},
}
