"""Strings of the Transposed & Dilated page."""
STRINGS: dict[str, dict[str, str]] = {
    "page.transposed_dilated.title": {"en": "Transposed & Dilated", "zh": "转置卷积与空洞卷积"},
    "page.transposed_dilated.blurb": {
        "en": "Enlarge a photo with a transposed convolution, see three ways to compute it give the same numbers, "
              "find checkerboard artifacts, spread a kernel with dilation and measure receptive fields.",
        "zh": "用转置卷积放大照片，看三种算法得到相同的数字，找出棋盘格伪影，用空洞（膨胀）扩展卷积核，并计算感受野。",
    },
    "td.intro": {
        "en": "A transposed convolution makes an image larger: each input pixel stamps a copy of the kernel into "
              "the output. A dilated convolution spreads a small kernel's taps apart to see further at the same "
              "cost. Every number below is what PyTorch computes.",
        "zh": "转置卷积把图像变大：每个输入像素把卷积核的一份拷贝“盖印”到输出中。空洞卷积把小卷积核的各个采样点拉开，"
              "用同样的计算量看得更远。下面的每个数字都与 PyTorch 的计算结果一致。",
    },
    "td.tab_upsample": {"en": "Upsampling a photo", "zh": "放大照片"},
    "td.tab_grid": {"en": "Three ways, one result", "zh": "三种算法，同一结果"},
    "td.tab_checkerboard": {"en": "Checkerboard artifacts", "zh": "棋盘格伪影"},
    "td.tab_dilated": {"en": "Dilated convolution", "zh": "空洞卷积"},
    "td.tab_field": {"en": "Receptive field", "zh": "感受野"},
    # upsampling
    "td.up_intro": {
        "en": "A part of the photo enlarged by a transposed convolution (left of the two results) and by plain "
              "resizing (right), with the same factor.",
        "zh": "把照片的一部分用转置卷积（两个结果中的左边）和普通缩放（右边）按相同倍数放大。",
    },
    "td.up_stride": {"en": "Enlarge by (stride)", "zh": "放大倍数（步幅）"},
    "td.up_kernel": {"en": "Kernel", "zh": "卷积核"},
    "td.up_kernel.bilinear": {"en": "Bilinear (tent)", "zh": "双线性（帐篷形）"},
    "td.up_kernel.box": {"en": "Box (s×s ones)", "zh": "方框（s×s 全 1）"},
    "td.up_kernel.random": {"en": "Learned-looking (noisy)", "zh": "类似训练后的（带噪声）"},
    "td.up_kernel.bilinear.desc": {
        "en": "The tent kernel of side 2s − s mod 2, a common initialisation for learned upsampling: away from "
              "the border it gives exactly bilinear resizing.",
        "zh": "边长为 2s − s mod 2 的帐篷形卷积核，是可学习上采样的常用初始值：在远离边界处，它与双线性缩放完全相同。",
    },
    "td.up_kernel.box.desc": {
        "en": "s×s ones: each input pixel becomes an s×s block, exactly nearest-neighbour resizing.",
        "zh": "s×s 的全 1 核：每个输入像素变成 s×s 的方块，与最近邻缩放完全相同。",
    },
    "td.up_kernel.random.desc": {
        "en": "The tent with random changes, as a kernel might look after some training: watch for a faint "
              "repeating pattern.",
        "zh": "加了随机扰动的帐篷形核，就像训练一段时间后的卷积核：注意隐约重复的图案。",
    },
    "td.resize": {"en": "Plain resizing", "zh": "普通缩放"},
    "td.resize.nearest": {"en": "Nearest", "zh": "最近邻"},
    "td.resize.bilinear": {"en": "Bilinear", "zh": "双线性"},
    "td.up_zoom_help": {
        "en": "How much of the photo to use: 6× takes a sixth of each side around the region chosen on the "
              "Pooling or Sliding Window page.",
        "zh": "使用照片的多大部分：6× 表示在“池化”或“滑动窗口”页所选区域附近取每边的六分之一。",
    },
    "td.exact": {"en": "Exact enlargement", "zh": "精确放大"},
    "td.exact_help": {
        "en": "Choose padding and output padding so the result is exactly s times the input. Off: set them yourself.",
        "zh": "自动选择填充和输出填充，使结果恰好是输入的 s 倍。关闭后可自行设置。",
    },
    "td.output_padding": {"en": "Output padding", "zh": "输出填充"},
    "td.output_padding_help": {
        "en": "Extra rows and columns at the bottom and right. Several input sizes give the same ordinary-"
              "convolution output; output padding picks which one the transposed convolution returns. Must be "
              "smaller than the stride.",
        "zh": "在底部和右侧额外增加的行和列。多个输入尺寸经普通卷积可得到同样大小的输出；输出填充决定转置卷积返回其中哪一个。"
              "必须小于步幅。",
    },
    "td.up_input": {"en": "Input part, {w}×{h}", "zh": "输入部分，{w}×{h}"},
    "td.up_transposed": {"en": "Transposed convolution, {w}×{h}", "zh": "转置卷积，{w}×{h}"},
    "td.up_resized": {"en": "Resized ({method}), {w}×{h}", "zh": "缩放（{method}），{w}×{h}"},
    "td.kernel_title": {"en": "Kernel {k}×{k}", "zh": "卷积核 {k}×{k}"},
    "td.up_compare_same": {
        "en": "Away from the border the two results are the same. At the border the transposed convolution has "
              "fewer stamps to add, so it is darker there.",
        "zh": "在远离边界处，两种结果完全相同。在边界处，转置卷积能叠加的“印章”更少，所以更暗。",
    },
    "td.up_compare": {
        "en": "Away from the border, the two results differ by at most {diff} (pixel values 0–1). At the border "
              "the transposed convolution has fewer stamps to add, so it is darker there.",
        "zh": "在远离边界处，两种结果最多相差 {diff}（像素值范围 0–1）。在边界处，转置卷积能叠加的“印章”更少，所以更暗。",
    },
    # three ways
    "td.grid_intro": {
        "en": "On a few numbers: watch every input cell stamp value × kernel into the output (overlaps add up), "
              "then compute the same result two other ways.",
        "zh": "在几个数字上演示：看每个输入单元格把“数值 × 卷积核”盖印到输出中（重叠处相加），再用另外两种方法算出同样的结果。",
    },
    "td.g_side": {"en": "Input size", "zh": "输入大小"},
    "td.g_kernel": {"en": "Kernel", "zh": "卷积核"},
    "td.g_kernel.integers": {"en": "Random integers", "zh": "随机整数"},
    "td.g_kernel.ones": {"en": "Ones", "zh": "全 1"},
    "td.g_kernel.bilinear": {"en": "Bilinear (for the stride)", "zh": "双线性（按步幅）"},
    "td.g_k": {"en": "Kernel size", "zh": "卷积核大小"},
    "td.g_padding_help": {
        "en": "In a transposed convolution, padding removes that many rows and columns from each border of the result.",
        "zh": "在转置卷积中，填充表示从结果的每条边界去掉这么多行和列。",
    },
    "td.fig_input": {"en": "Input", "zh": "输入"},
    "td.fig_output": {"en": "Output (before cropping)", "zh": "输出（裁剪前）"},
    "td.scatter_note": {
        "en": "Press Play: each step stamps one input value times the kernel. The dashed frame is what remains after "
              "the padding crop.",
        "zh": "按“播放”：每一步把一个输入值乘以卷积核盖印到输出。虚线框是按填充裁剪后保留的部分。",
    },
    "td.way_scatter": {"en": "Stamps that add up (conv_transpose2d)", "zh": "盖印并相加（conv_transpose2d）"},
    "td.way_zeros": {"en": "Insert zeros, then an ordinary convolution", "zh": "插入零，再做普通卷积"},
    "td.way_matrix": {"en": "Multiply by Vᵀ", "zh": "乘以 Vᵀ"},
    "td.result": {"en": "Result", "zh": "结果"},
    "td.stuffed": {
        "en": "{s} zero(s) between inputs (outlined), zeros around",
        "zh": "输入之间插入 {s} 个零（已框出输入），四周补零",
    },
    "td.matrix_shape": {
        "en": "V is the {rows}×{cols} matrix of the ordinary convolution from {out} down to {n}×{n}; Vᵀ goes back up.",
        "zh": "V 是从 {out} 缩小到 {n}×{n} 的普通卷积对应的 {rows}×{cols} 矩阵；Vᵀ 则把它放大回去。",
    },
    "td.agree": {
        "en": "All three results are the same (largest difference {diff}).",
        "zh": "三种结果完全相同（最大差值 {diff}）。",
    },
    "td.disagree": {
        "en": "The results differ by {diff}. Please report this.",
        "zh": "结果相差 {diff}。请报告此问题。",
    },
    "td.matrix_title": {"en": "The convolution matrix V ({rows}×{cols})", "zh": "卷积矩阵 V（{rows}×{cols}）"},
    "td.matrix_t_title": {"en": "Vᵀ · x = y: the transposed convolution", "zh": "Vᵀ · x = y：转置卷积"},
    "td.matrix_note": {
        "en": "Each row of V holds the kernel's weights at the input cells one output reads; x and y are the "
              "input and the result read row by row. That is where the name “transposed” comes from.",
        "zh": "V 的每一行是某个输出所读取的输入单元格上的卷积核权重；x 和 y 是按行展开的输入和结果。“转置”之名正源于此。",
    },
    # checkerboard
    "td.cb_intro": {
        "en": "When the kernel size is not a multiple of the stride, some output pixels receive more stamps than "
              "their neighbours (Odena, Dumoulin & Olah, Distill 2016). Even on a flat grey image that leaves a "
              "checkerboard. Resizing first and then convolving spreads every pixel evenly.",
        "zh": "当卷积核大小不是步幅的整数倍时，有些输出像素比相邻像素得到更多次“盖印”（Odena、Dumoulin 与 Olah，"
              "Distill 2016）。即使是均匀的灰色图像也会留下棋盘格。先缩放再卷积则让每个像素得到均匀的覆盖。",
    },
    "td.cb_k": {"en": "Kernel size", "zh": "卷积核大小"},
    "td.cb_even": {
        "en": "{k} is a multiple of {s}: every output pixel gets the same number of stamps.",
        "zh": "{k} 是 {s} 的整数倍：每个输出像素得到的盖印次数相同。",
    },
    "td.cb_uneven": {
        "en": "{k} mod {s} = {r}: uneven overlap, a checkerboard appears.",
        "zh": "{k} mod {s} = {r}：重叠不均匀，出现棋盘格。",
    },
    "td.cb_counts": {"en": "Stamps per output pixel (6×6 input)", "zh": "每个输出像素的盖印次数（6×6 输入）"},
    "td.cb_flat_t": {"en": "Flat 0.5 image, transposed convolution", "zh": "均匀 0.5 图像，转置卷积"},
    "td.cb_flat_r": {"en": "Flat 0.5 image, resize then convolve", "zh": "均匀 0.5 图像，先缩放再卷积"},
    "td.cb_flat_note": {
        "en": "Both use the same k×k box kernel, scaled so an even overlap keeps 0.5; the centre 8×8 of each result is shown.",
        "zh": "两者使用相同的 k×k 方框卷积核，并按比例缩放，使均匀重叠时保持 0.5；图中显示各结果中心的 8×8 区域。",
    },
    "td.cb_photo_t": {"en": "Photo, transposed convolution (k = {k}, s = {s})", "zh": "照片，转置卷积（k = {k}，s = {s}）"},
    "td.cb_photo_r": {"en": "Photo, nearest resize ×{s} then {k}×{k} average", "zh": "照片，最近邻放大 ×{s} 后做 {k}×{k} 平均"},
    # dilated
    "td.dil_intro": {
        "en": "The same 3×3 kernel with dilation 1, 2, 4 and 8: still nine weights, but the taps spread out, so "
              "each output sees a wider area and responds to larger structures.",
        "zh": "同一个 3×3 卷积核，膨胀率分别为 1、2、4、8：仍然只有九个权重，但采样点被拉开，每个输出看到更大的范围，"
              "对更大的结构产生响应。",
    },
    "td.dil_kernel": {"en": "Kernel", "zh": "卷积核"},
    "td.dil_d": {"en": "Dilation {d}", "zh": "膨胀率 {d}"},
    "td.dil_caption": {
        "en": "Spans {e}×{e} pixels with {n} weights; blank cells of the kernel are holes.",
        "zh": "覆盖 {e}×{e} 个像素，只用 {n} 个权重；卷积核中的空白格是“空洞”。",
    },
    "td.dil_too_small": {
        "en": "At dilation {d} the kernel spans {e}×{e} pixels: too wide to mirror the border of this {w}×{h} image.",
        "zh": "膨胀率为 {d} 时卷积核覆盖 {e}×{e} 个像素：对这张 {w}×{h} 的图像来说太宽，无法镜像填充边界。",
    },
    "td.dil_taps_note": {
        "en": "Bottom row: the middle of the photo, enlarged; the outlined pixels are the nine that the centre "
              "output reads.",
        "zh": "最下面一行：放大后的照片中心；框出的九个像素就是中心输出所读取的像素。",
    },
    "td.grid_title": {"en": "Gridding: stacking the same dilation", "zh": "网格效应：堆叠相同膨胀率"},
    "td.grid_effect_intro": {
        "en": "Stack several dilated layers and count how many paths lead from each input pixel to one output "
              "pixel (found by backpropagation in torch). With the same dilation every time, whole rows and "
              "columns are never seen; growing dilations 1, 2, 4, … cover the field without holes.",
        "zh": "堆叠几层空洞卷积，统计从每个输入像素到某一个输出像素有多少条路径（在 torch 中通过反向传播求得）。"
              "每层膨胀率都相同时，有整行整列从未被看到；膨胀率按 1、2、4…… 递增时，感受野没有空洞。",
    },
    "td.grid_layers": {"en": "Layers", "zh": "层数"},
    "td.grid_d": {"en": "Dilation (same in every layer)", "zh": "膨胀率（每层相同）"},
    "td.grid_same": {"en": "{n} layers, dilation {d} each", "zh": "{n} 层，每层膨胀率 {d}"},
    "td.grid_growing": {"en": "Dilations {ds}", "zh": "膨胀率 {ds}"},
    "td.grid_caption": {
        "en": "Receptive field {size}×{size}; {holes} % of it is never seen.",
        "zh": "感受野 {size}×{size}；其中 {holes}% 从未被看到。",
    },
    # receptive field
    "td.rf_intro": {
        "en": "Type a stack of layers (a pooling layer is a kernel with a stride). Each layer widens the field by "
              "(effective kernel − 1) × jump, where the jump is the product of the strides before it; from the "
              "output side that is RF(i) = S(i)·(RF(i+1) − 1) + K(i) with K the dilated kernel's extent.",
        "zh": "输入一组网络层（池化层就是带步幅的卷积核）。每一层让感受野增加（等效核尺寸 − 1）× 跳距，跳距是它之前所有步幅的乘积；"
              "从输出端看即 RF(i) = S(i)·(RF(i+1) − 1) + K(i)，其中 K 是膨胀后卷积核的跨度。",
    },
    "td.rf_col.kernel": {"en": "Kernel", "zh": "卷积核"},
    "td.rf_col.stride": {"en": "Stride", "zh": "步幅"},
    "td.rf_col.dilation": {"en": "Dilation", "zh": "膨胀率"},
    "td.rf_col.padding": {"en": "Padding", "zh": "填充"},
    "td.rf_edit_help": {
        "en": "Click a cell to change it; add a layer in the empty last row, delete one by selecting its row.",
        "zh": "点击单元格即可修改；在最后的空行中添加一层，选中某行可将其删除。",
    },
    "td.rf_reset": {"en": "Back to the example stack", "zh": "恢复示例网络"},
    "td.rf_layer": {"en": "Layer", "zh": "层"},
    "td.rf_extent": {"en": "Span", "zh": "跨度"},
    "td.rf_jump": {"en": "Jump", "zh": "跳距"},
    "td.rf_size": {"en": "Field", "zh": "感受野"},
    "td.rf_out": {"en": "Output", "zh": "输出尺寸"},
    "td.rf_metric": {"en": "Receptive field of the last layer", "zh": "最后一层的感受野"},
    "td.rf_whole": {"en": "The whole image", "zh": "整幅图像"},
    "td.rf_close": {"en": "Close-up, {side}×{side} pixels around the field", "zh": "特写：感受野周围 {side}×{side} 像素"},
    "td.rf_agree": {
        "en": "Backpropagating from one output pixel reaches a {brute}×{brute} area: the formula's {size} is right.",
        "zh": "从一个输出像素反向传播，影响范围为 {brute}×{brute}：公式给出的 {size} 正确。",
    },
    "td.rf_disagree": {
        "en": "Backpropagation reaches {brute}×{brute}, the formula says {size}. Please report this.",
        "zh": "反向传播的范围为 {brute}×{brute}，公式给出 {size}。请报告此问题。",
    },
    "td.rf_clipped": {
        "en": "The field ({size}×{size}) is larger than the visible part of the {w}×{h} image, so only part of "
              "it is drawn.",
        "zh": "感受野（{size}×{size}）超出了 {w}×{h} 图像的可见部分，因此只画出了一部分。",
    },
    "td.rf_picture_note": {
        "en": "Orange: input pixels that influence output pixel (row {y}, column {x}) of the last layer, "
              "stronger where more paths lead; blue frame: the receptive field from the formula.",
        "zh": "橙色：影响最后一层输出像素（第 {y} 行，第 {x} 列）的输入像素，路径越多颜色越深；蓝框：按公式计算的感受野。",
    },
    # not an inverse
    "td.tab_inverse": {"en": "Not an inverse", "zh": "不是逆运算"},
    "td.inv_intro": {
        "en": "Convolve a grid, then apply the transposed convolution with the same kernel, stride and padding: "
              "the size comes back, the values do not.",
        "zh": "先对一个网格做卷积，再用同样的卷积核、步幅和填充做转置卷积：尺寸恢复了，数值却没有。",
    },
    "td.inv_x": {"en": "x, {n}×{n}", "zh": "x，{n}×{n}"},
    "td.inv_down": {"en": "conv(x), {h}×{h}", "zh": "conv(x)，{h}×{h}"},
    "td.inv_back": {"en": "convᵀ(conv(x)), {h}×{h}", "zh": "convᵀ(conv(x))，{h}×{h}"},
    "td.inv_diff": {"en": "convᵀ(conv(x)) − x", "zh": "convᵀ(conv(x)) − x"},
    "td.inv_result": {
        "en": "Back to {shape} (output padding {op}), but the values differ from x by up to {diff}: the transposed "
              "convolution applies Vᵀ, and Vᵀ·V is not the identity.",
        "zh": "尺寸回到了 {shape}（输出填充 {op}），但数值与 x 最多相差 {diff}：转置卷积乘的是 Vᵀ，而 Vᵀ·V 不是单位矩阵。",
    },
    "td.inv_names": {
        "en": "That is why calling it *deconvolution* is a misnomer: a deconvolution would undo a convolution, and "
              "this one only undoes its shape. What it is good for is exactly that: segmentation networks label "
              "every pixel, so after the convolutions and poolings have shrunk the picture, transposed "
              "convolutions (with kernels learned for the purpose) bring the output back to the input's size.",
        "zh": "所以把它叫作*反卷积*是名不副实的：真正的反卷积会撤销一次卷积，而它只撤销了形状。它的用处恰恰在此：分割网络要给每个像素打标签，"
              "在卷积和池化把图像缩小之后，转置卷积（其卷积核专为此学习）把输出恢复到与输入一样大。",
    },
    "td.up_settings": {"en": "Enlargement, kernel, padding", "zh": "放大倍数、卷积核、填充"},
    "td.g_settings": {"en": "Grid, kernel, stride, padding", "zh": "网格、卷积核、步幅、填充"},
    "td.inv_settings": {"en": "Stride, padding, seed", "zh": "步幅、填充、随机种子"},
    "td.cb_settings": {"en": "Kernel size and stride", "zh": "卷积核大小和步幅"},
    "td.dil_settings": {"en": "Kernel", "zh": "卷积核"},
    "td.dil_taps_alt": {"en": "The pixels one output reads at dilation {d}", "zh": "空洞率为 {d} 时一个输出读取的像素"},
    "td.unpool_title": {"en": "Unpooling: back to the size after max pooling, three ways",
                        "zh": "反池化：最大池化之后回到原尺寸的三种方法"},
    "td.unpool_grid": {"en": "x, 4×4", "zh": "x，4×4"},
    "td.unpool_pooled": {"en": "Max pooling 2×2", "zh": "2×2 最大池化"},
    "td.unpool_nearest": {"en": "Nearest interpolation", "zh": "最近邻插值"},
    "td.unpool_stamped": {"en": "Transposed conv, ones 2×2, stride 2", "zh": "转置卷积，全 1 的 2×2 核，步幅 2"},
    "td.unpool_note": {
        "en": "MaxUnpool2d puts each maximum back where max pooling found it (torch remembers the places: "
              "`return_indices=True`) and zeros everywhere else: a segmentation network uses it to put details "
              "back in place. Interpolation copies each value into its whole block, and so does a transposed "
              "convolution with a 2×2 kernel of ones and stride 2; a learned kernel could stamp anything.",
        "zh": "MaxUnpool2d 把每个最大值放回最大池化找到它的位置（torch 记住了这些位置：`return_indices=True`），其余位置为 0："
              "分割网络用它把细节放回原处。插值把每个值复制到整块中，步幅 2、全 1 的 2×2 卷积核做转置卷积也是如此；学到的卷积核则可以印出任何东西。",
    },
}
