"""Strings of the im2col page."""
STRINGS: dict[str, dict[str, str]] = {
    "page.im2col.title": {"en": "im2col", "zh": "im2col"},
    "page.im2col.blurb": {
        "en": "How libraries really compute a convolution layer: every window becomes a row of one big matrix, "
              "and the whole layer is one matrix product, forward and backward. And what that costs.",
        "zh": "深度学习库实际如何计算卷积层：每个窗口变成一个大矩阵的一行，整层就是一次矩阵乘法，前向和反向都是如此。以及这样做的代价。",
    },
    "ic.intro": {
        "en": "im2col copies every window of the input into one row of a matrix. The layer's filters, flattened, "
              "are the columns of a second matrix; one matrix product computes every output of every filter, "
              "and a reshape turns it back into feature maps. Below, a small batch of integers: pick any row.",
        "zh": "im2col 把输入的每个窗口复制成一个矩阵的一行。把层中的滤波器展平，作为第二个矩阵的各列；一次矩阵乘法就算出所有"
              "滤波器的所有输出，再重新排列回特征图。下面用一小批整数来演示：任选一行看看。",
    },
    "ic.c": {"en": "Channels C", "zh": "通道数 C"},
    "ic.side": {"en": "Input side", "zh": "输入边长"},
    "ic.k": {"en": "Kernel", "zh": "卷积核"},
    "ic.fn": {"en": "Filters FN", "zh": "滤波器数 FN"},
    "ic.pad": {"en": "Padding", "zh": "填充"},
    "ic.tab_forward": {"en": "Forward", "zh": "前向传播"},
    "ic.tab_backward": {"en": "Backward", "zh": "反向传播"},
    "ic.tab_cost": {"en": "What it costs", "zh": "代价"},
    "ic.row": {"en": "Window = row of the matrix", "zh": "窗口 = 矩阵的行"},
    "ic.row_help": {
        "en": "Row r of the im2col matrix is the window of output position r (row by row); it is outlined in the "
              "input and highlighted in the tables.",
        "zh": "im2col 矩阵的第 r 行就是第 r 个输出位置（逐行编号）的窗口；它在输入中被框出，在表格中被高亮。",
    },
    "ic.n": {"en": "Batch N", "zh": "批量 N"},
    "ic.step_input": {
        "en": "Input x, shape (N, C, H, W) = ({n}, {c}, {h}, {w}); image {i} shown",
        "zh": "输入 x，形状 (N, C, H, W) = ({n}, {c}, {h}, {w})；显示第 {i} 张图",
    },
    "ic.channel": {"en": "Channel {c}", "zh": "通道 {c}"},
    "ic.step_col": {
        "en": "im2col(x): shape (N·OH·OW, C·FH·FW) = ({rows}, {cols}), one row per window of every image, columns "
              "ordered (channel, row, column)",
        "zh": "im2col(x)：形状 (N·OH·OW, C·FH·FW) = ({rows}, {cols})，每张图的每个窗口一行，列按 (通道, 行, 列) 排列",
    },
    "ic.scroll_note": {
        "en": "{cols} columns: scroll the table sideways to see them all.",
        "zh": "共 {cols} 列：左右滚动表格即可看到全部。",
    },
    "ic.step_w": {
        "en": "Weights W of shape (FN, C, FH, FW) = ({fn}, {c}, {k}, {k}), reshaped to ({rows}, {fn}): one column "
              "per filter",
        "zh": "形状为 (FN, C, FH, FW) = ({fn}, {c}, {k}, {k}) 的权重 W，重新排列为 ({rows}, {fn})：每个滤波器一列",
    },
    "ic.step_product": {
        "en": "col · W + b: ({rows}, {fn})",
        "zh": "col · W + b：({rows}, {fn})",
    },
    "ic.row_sum": {"en": "Row {row}, filter 1:", "zh": "第 {row} 行，滤波器 1："},
    "ic.step_maps": {
        "en": "Reshaped back to (N, FN, OH, OW) = ({n}, {fn}, {h}, {w}): image {i}'s {fn} feature map(s)",
        "zh": "重新排列回 (N, FN, OH, OW) = ({n}, {fn}, {h}, {w})：第 {i} 张图的 {fn} 张特征图",
    },
    "ic.forward_agrees": {
        "en": "Equal to torch.nn.functional.conv2d (largest difference {diff}).",
        "zh": "与 torch.nn.functional.conv2d 完全一致（最大差值 {diff}）。",
    },
    "ic.forward_differs": {
        "en": "Differs from torch.nn.functional.conv2d by {diff}. Please report this.",
        "zh": "与 torch.nn.functional.conv2d 相差 {diff}。请报告此问题。",
    },
    "ic.backward_intro": {
        "en": "Training needs the gradients. With im2col they are matrix products too: the weights' gradient is "
              "colᵀ · dout, and the input's gradient is dout · Wᵀ folded back by col2im, where overlapping "
              "windows add up. dout below is a made-up gradient from the layers above.",
        "zh": "训练需要梯度。有了 im2col，梯度也是矩阵乘法：权重的梯度是 colᵀ · dout，输入的梯度是 dout · Wᵀ 再用 col2im 折叠回去，"
              "重叠的窗口相加。下面的 dout 是假设从上面各层传回来的梯度。",
    },
    "ic.dout": {
        "en": "dout: shape (N, FN, OH, OW) = ({n}, {fn}, {h}, {w}); image 1 shown",
        "zh": "dout：形状 (N, FN, OH, OW) = ({n}, {fn}, {h}, {w})；显示第 1 张图",
    },
    "ic.dw": {"en": "Gradient of the weights", "zh": "权重的梯度"},
    "ic.db": {"en": "Gradient of the biases: {values}", "zh": "偏置的梯度：{values}"},
    "ic.dx": {"en": "Gradient of the input", "zh": "输入的梯度"},
    "ic.backward_agrees": {
        "en": "dx, dW and db equal torch autograd's (largest difference {diff}).",
        "zh": "dx、dW 和 db 与 torch 自动求导的结果完全一致（最大差值 {diff}）。",
    },
    "ic.backward_differs": {
        "en": "The gradients differ from torch autograd by {diff}. Please report this.",
        "zh": "梯度与 torch 自动求导相差 {diff}。请报告此问题。",
    },
    "ic.cost_intro": {
        "en": "im2col copies every pixel k·k times. For the current photo that is a big matrix; yet one large "
              "matrix product is so well optimised that libraries use it anyway, or cleverer tricks.",
        "zh": "im2col 把每个像素复制 k·k 次。对当前照片来说，这是一个很大的矩阵；但一次大规模矩阵乘法被优化得极好，"
              "所以各种库仍然使用它，或者更巧妙的方法。",
    },
    "ic.cost_k": {"en": "Kernel size", "zh": "卷积核大小"},
    "ic.cost_matrix": {
        "en": "im2col of the {w}×{h} RGB photo, {k}×{k} kernel",
        "zh": "{w}×{h} RGB 照片、{k}×{k} 卷积核的 im2col 矩阵",
    },
    "ic.cost_shape": {
        "en": "{rows} rows × {cols} columns (the photo itself: {image})",
        "zh": "{rows} 行 × {cols} 列（照片本身：{image}）",
    },
    "ic.measure": {"en": "Measure four ways now", "zh": "现在测量四种方法"},
    "ic.measuring": {"en": "Timing each method five times…", "zh": "每种方法计时五次……"},
    "ic.cost_method": {"en": "Method", "zh": "方法"},
    "ic.cost_time": {"en": "Time (ms)", "zh": "时间（毫秒）"},
    "ic.cost_ratio": {"en": "vs OpenCV", "zh": "相对 OpenCV"},
    "ic.cost_on": {"en": "Computed on", "zh": "计算区域"},
    "ic.method.loops": {"en": "Python loops", "zh": "Python 循环"},
    "ic.method.im2col": {"en": "NumPy im2col + matmul", "zh": "NumPy im2col + 矩阵乘法"},
    "ic.method.ops": {"en": "explorer.ops.conv2d (PyTorch)", "zh": "explorer.ops.conv2d（PyTorch）"},
    "ic.method.opencv": {"en": "OpenCV filter2D", "zh": "OpenCV filter2D"},
    "ic.cost_note": {
        "en": "One grey {w}×{h} image, medians of five runs after a warm-up, measured just now on this machine, "
              "each way on one thread (so the table compares ways of computing, not how many cores were free). "
              "The loops run on a small corner and are scaled up to the whole image.",
        "zh": "一张 {w}×{h} 的灰度图，预热后五次运行的中位数，刚刚在本机上测得，每种方法都只用一个线程（比较的是计算方法，"
              "而不是当时有几个空闲的核）。循环只在一个小角落上运行，再按像素数放大到整幅图像。",
    },
    "ic.cost_axis": {"en": "milliseconds (log scale)", "zh": "毫秒（对数坐标）"},
    "ic.lesson": {
        "en": "Lesson: a Python loop is hopeless; im2col turns the work into one matrix product (GEMM) that "
              "runs at full speed, at the price of k·k copies of the image; libraries go further with direct "
              "kernels, Winograd (fewer multiplications for 3×3) or the FFT (for large kernels).",
        "zh": "结论：Python 循环毫无希望；im2col 把计算变成一次全速运行的矩阵乘法（GEMM），代价是把图像复制 k·k 份；"
              "各种库还更进一步，使用直接卷积内核、Winograd（3×3 时乘法更少）或 FFT（大卷积核时）。",
    },
    # pooling as im2col
    "ic.tab_pool": {"en": "Pooling", "zh": "池化"},
    "ic.pool_intro": {
        "en": "The notes' Pooling layer uses im2col too: every window of every channel becomes one row, and "
              "pooling is the max (or the mean) along each row. Backward, each window's gradient goes only to the "
              "position of its maximum (average: split evenly over the window), folded back by col2im.",
        "zh": "笔记中的池化层同样用 im2col：每个通道的每个窗口变成一行，池化就是沿每一行取最大值（或平均值）。反向传播时，每个窗口的梯度只传给它最大值所在的位置"
              "（平均池化：平均分给窗口中的每个位置），再用 col2im 折叠回去。",
    },
    "ic.pool_size": {"en": "Window", "zh": "窗口"},
    "ic.pool_mode": {"en": "Pooling", "zh": "池化方式"},
    "ic.pool_mode.max": {"en": "Max", "zh": "最大"},
    "ic.pool_mode.avg": {"en": "Average", "zh": "平均"},
    "ic.pool_col": {
        "en": "im2col(x) reshaped to one window per row: ({rows}, {cols}); the chosen window is highlighted",
        "zh": "im2col(x) 重新排列为每行一个窗口：({rows}, {cols})；所选窗口已高亮",
    },
    "ic.pool_row": {"en": "Window = row", "zh": "窗口 = 行"},
    "ic.pool_row_text": {
        "en": "Row {row}: {mode}({values}) = {value}",
        "zh": "第 {row} 行：{mode}({values}) = {value}",
    },
    "ic.pool_out": {"en": "Pooled, image 1: (N, C, OH, OW) = ({n}, {c}, {h}, {w})",
                    "zh": "池化结果，第 1 张图：(N, C, OH, OW) = ({n}, {c}, {h}, {w})"},
    "ic.pool_dx": {"en": "Gradient of the input, image 1 (dout from above: all ones)",
                   "zh": "输入的梯度，第 1 张图（上层传回的 dout：全为 1）"},
    "ic.pool_agrees": {
        "en": "Output and input gradient equal torch's {fn} and autograd (largest difference {diff}).",
        "zh": "输出和输入梯度与 torch 的 {fn} 及自动求导完全一致（最大差值 {diff}）。",
    },
    "ic.pool_differs": {
        "en": "Differs from torch's {fn} by {diff}. Please report this.",
        "zh": "与 torch 的 {fn} 相差 {diff}。请报告此问题。",
    },
    "ic.settings_title": {"en": "Batch, channels, kernel, filters, stride, padding", "zh": "批量、通道、卷积核、滤波器、步幅、填充"},
    "ic.pool_settings": {"en": "Window, stride, max or average", "zh": "窗口、步幅、最大或平均"},
    "ic.example.notes_one": {"en": "The notes: (1, 3, 7, 7) → (9, 75)", "zh": "讲义：(1, 3, 7, 7) → (9, 75)"},
    "ic.example.notes_batch": {"en": "The notes: (10, 3, 7, 7) → (90, 75)", "zh": "讲义：(10, 3, 7, 7) → (90, 75)"},
    "ic.example.cs231n": {"en": "CS231n: 5×5×3, two 3×3 filters, stride 2, padding 1",
                          "zh": "CS231n：5×5×3，两个 3×3 滤波器，步幅 2，填充 1"},
    "ic.border_title": {"en": "What padding does for the border: how many windows read each pixel",
                        "zh": "填充对边界的作用：每个像素被多少个窗口读取"},
    "ic.border_counts": {"en": "Padding {pad}", "zh": "填充 {pad}"},
    "ic.border_corner": {"en": "{n} with padding {pad}", "zh": "填充 {pad} 时 {n} 次"},
    "ic.border_note": {
        "en": "col2im of a matrix of ones counts, for every input pixel, the windows that read it. The corner pixel "
              "is read {corner}; a pixel in the middle up to {k}×{k} times. Without padding the border takes "
              "part in few outputs and its information fades layer after layer; padding gives it more windows "
              "(and keeps the size).",
        "zh": "对全 1 矩阵做 col2im，就数出了每个输入像素被多少个窗口读取。角上的像素被读取：{corner}；中间的像素最多 {k}×{k} 次。"
              "不填充时，边界只参与很少的输出，它的信息一层层地流失；填充让它进入更多窗口（并保持尺寸）。",
    },
    "ic.code_title": {"en": "im2col and col2im as code (the source this page runs)",
                      "zh": "im2col 和 col2im 的代码（本页运行的源码）"},
}
