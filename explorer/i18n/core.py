"""Strings of core messages: parameter, kernel, image and device errors; the preset kernels' names and one-liners."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ core errors
    "err.param_type": {
        "en": "{name} must be a whole number or a pair of whole numbers (at least {minimum}); got {value}.",
        "zh": "{name} 必须是一个整数或一对整数（至少为 {minimum}）；收到的是 {value}。",
    },
    "err.param_min": {
        "en": "{name} must be at least {minimum}; got {value}.",
        "zh": "{name} 至少为 {minimum}；收到的是 {value}。",
    },
    "err.padding_word": {
        "en": "Padding must be a number, a pair of numbers, 'same' or 'valid'; got {value}.",
        "zh": "填充必须是一个数、一对数、'same' 或 'valid'；收到的是 {value}。",
    },
    "err.same_stride": {
        "en": "'same' padding keeps the size only with stride 1 (as in PyTorch); the stride is {stride}. Use a number for the padding, or stride 1.",
        "zh": "'same' 填充只在步幅为 1 时保持尺寸（与 PyTorch 一致）；当前步幅为 {stride}。请把填充设为一个数，或把步幅设为 1。",
    },
    "err.device": {
        "en": "Unknown device {value}; allowed: {allowed}.",
        "zh": "未知设备 {value}；可选：{allowed}。",
    },
    "warn.gpu_oom": {
        "en": "The GPU ran out of memory, so this result was computed on the CPU instead.",
        "zh": "GPU 显存不足，此结果改在 CPU 上计算。",
    },
    "err.image_shape": {
        "en": "An image must be (H, W) or (H, W, C) with every side at least 1; got shape {shape}.",
        "zh": "图像的形状必须是 (H, W) 或 (H, W, C)，且每一边至少为 1；收到的形状是 {shape}。",
    },
    "err.padding_mode": {
        "en": "Unknown padding mode {value}; allowed: {allowed}.",
        "zh": "未知的填充方式 {value}；可选：{allowed}。",
    },
    "err.reflect_wide": {
        "en": "Reflect padding of {pad} is too wide for a {w}×{h} image: it must be smaller than each side. Use less padding, or the replicate or zeros mode.",
        "zh": "对 {w}×{h} 的图像，反射填充 {pad} 太宽：它必须小于图像的每条边。请减小填充，或改用复制或补零方式。",
    },
    "err.circular_wide": {
        "en": "Circular padding of {pad} is too wide for a {w}×{h} image: it can be at most each side. Use less padding.",
        "zh": "对 {w}×{h} 的图像，循环填充 {pad} 太宽：它最多等于图像的每条边。请减小填充。",
    },
    "err.output_padding": {
        "en": "Output padding {value} must be smaller than the stride ({stride}) or the dilation ({dilation}), as in PyTorch.",
        "zh": "输出填充 {value} 必须小于步幅（{stride}）或膨胀率（{dilation}），与 PyTorch 一致。",
    },
    "err.transposed_empty": {
        "en": "With padding {padding} the transposed convolution would have no output ({h}×{w}). Use less padding.",
        "zh": "填充为 {padding} 时，转置卷积没有输出（{h}×{w}）。请减小填充。",
    },
    "err.pool_mode": {
        "en": "Unknown pooling mode {value}; allowed: {allowed}.",
        "zh": "未知的池化方式 {value}；可选：{allowed}。",
    },
    "err.resize_mode": {
        "en": "Unknown resize method {value}; allowed: {allowed}.",
        "zh": "未知的缩放方法 {value}；可选：{allowed}。",
    },
    "err.upsample_kernel": {
        "en": "Unknown upsampling kernel {value}; allowed: {allowed}.",
        "zh": "未知的上采样卷积核 {value}；可选：{allowed}。",
    },
    "err.stack_empty": {
        "en": "Layer {row} has no output: the image is smaller than its window by then. Use a larger image, fewer layers, smaller strides or more padding.",
        "zh": "第 {row} 层没有输出：到这一层时图像已比窗口还小。请换更大的图像、减少层数、减小步幅或增加填充。",
    },
    "err.layer_cell": {
        "en": "Row {row}, column “{column}”: “{value}” is not allowed; use a whole number from {low} to {high}.",
        "zh": "第 {row} 行“{column}”列：“{value}”不可用；请填 {low} 到 {high} 之间的整数。",
    },
    "err.layer_count": {
        "en": "The stack has {n} layers; use 1 to {high}.",
        "zh": "当前共有 {n} 层；请使用 1 到 {high} 层。",
    },
    "err.shift_too_small": {
        "en": "The image is {h}×{w} pixels; a shift test with a {k}×{k} window needs at least {need_h}×{need_w}.",
        "zh": "图像为 {h}×{w} 像素；窗口为 {k}×{k} 的平移测试至少需要 {need_h}×{need_w}。",
    },
    "err.shift_too_narrow": {
        "en": "The image is {w} pixels wide; comparing a shift of {s} away from the border needs at least {need}.",
        "zh": "图像宽 {w} 像素；要在边界以外比较 {s} 像素的平移，至少需要 {need} 像素宽。",
    },
    "err.template_fit": {
        "en": "The image is {h}×{w} pixels; a {side}×{side} patch cut from it needs at least {side}×{side}.",
        "zh": "图像为 {h}×{w} 像素；从中切出 {side}×{side} 的图块至少需要 {side}×{side} 像素。",
    },
    "err.channel_kernel": {
        "en": "Unknown kernel or filter {value}; allowed: {allowed}.",
        "zh": "未知的卷积核或滤波器 {value}；可选：{allowed}。",
    },
    "err.net_param": {
        "en": "Layer {row} ({type}): {name} = “{value}” is not allowed; use a whole number from {low} to {high}.",
        "zh": "第 {row} 层（{type}）：{name} = “{value}” 不可用；请填 {low} 到 {high} 之间的整数。",
    },
    "err.net_type": {
        "en": "Layer {row}: unknown layer type {value}; allowed: {allowed}.",
        "zh": "第 {row} 层：未知的层类型 {value}；可选：{allowed}。",
    },
    "err.net_count": {
        "en": "The network has {n} layers; use 1 to {high}.",
        "zh": "网络共有 {n} 层；请使用 1 到 {high} 层。",
    },
    "err.net_flatten": {
        "en": "Layer {row} (linear) needs a flat input: put a flatten layer before it.",
        "zh": "第 {row} 层（全连接）需要展平的输入：请在它前面加一个 flatten 层。",
    },
    "err.net_after_flatten": {
        "en": "Layer {row} ({name}) needs feature maps, but the input was already flattened.",
        "zh": "第 {row} 层（{name}）需要特征图，但输入已经被展平了。",
    },
    "err.net_layer": {
        "en": "Layer {row} ({name}) cannot take an input of shape {shape}: {why}",
        "zh": "第 {row} 层（{name}）无法接受形状为 {shape} 的输入：{why}",
    },
    "err.net_output": {
        "en": "The network ends with shape {shape}; it must end with {n} numbers, one per digit (flatten, then linear {n}).",
        "zh": "网络的输出形状为 {shape}；它必须以 {n} 个数结束，每个数字一个（先 flatten，再 linear {n}）。",
    },
    "err.idx_format": {
        "en": "Not an MNIST IDX file with {dims} dimension(s) of unsigned bytes.",
        "zh": "不是包含 {dims} 个维度（无符号字节）的 MNIST IDX 文件。",
    },
    "err.idx_size": {
        "en": "The IDX file is truncated: {expected} values announced, {found} present.",
        "zh": "IDX 文件不完整：声明了 {expected} 个值，实际只有 {found} 个。",
    },
    "err.idx_count": {
        "en": "{images} images but {labels} labels: the two IDX files do not belong together.",
        "zh": "{images} 张图像却有 {labels} 个标签：这两个 IDX 文件不匹配。",
    },
    "err.idx_unpack": {"en": "The gzipped IDX file could not be unpacked: {why}",
                       "zh": "无法解压这个 gzip 压缩的 IDX 文件：{why}"},
    "err.idx_side": {"en": "The IDX file's images are {side} pixels; each side must be 1 to {limit}.",
                     "zh": "IDX 文件中的图像为 {side} 像素；每条边必须在 1 到 {limit} 之间。"},
    "err.idx_few": {"en": "The IDX files hold {n} images; at least {least} are needed to split them into "
                          "training, validation and test images.",
                    "zh": "IDX 文件只有 {n} 张图像；至少需要 {least} 张才能分成训练、验证和测试三部分。"},
    "err.idx_many": {"en": "The IDX files hold {n} images; the app trains on at most {most} (all of MNIST).",
                     "zh": "IDX 文件有 {n} 张图像；本应用最多用 {most} 张训练（即整个 MNIST）。"},
    "err.idx_labels": {"en": "Labels must be digits 0 to {high}.", "zh": "标签必须是 0 到 {high} 的数字。"},
    "err.folder_empty": {
        "en": "No class folders with images found in {path}.",
        "zh": "在 {path} 中没有找到含有图像的类别文件夹。",
    },
    "err.class_name_empty": {"en": "A class needs a name.", "zh": "类别需要一个名字。"},
    "err.class_name_long": {"en": "A class name can have at most {limit} characters.",
                            "zh": "类别名最多 {limit} 个字符。"},
    "err.class_count": {"en": "At most {limit} classes.", "zh": "最多 {limit} 个类别。"},
    "err.class_twice": {"en": "There is already a class called “{name}”.", "zh": "已经有一个名为“{name}”的类别了。"},
    "err.class_full": {"en": "The class “{name}” already has {limit} images, the most it can hold.",
                       "zh": "类别“{name}”已经有 {limit} 张图像，已达上限。"},
    "err.set_full": {"en": "The set already has {limit} images, the most it can hold.",
                     "zh": "这组图像已经有 {limit} 张，已达上限。"},
    "err.class_too_few": {"en": "Make at least {n} classes to train.", "zh": "至少需要 {n} 个类别才能训练。"},
    "err.class_too_small": {"en": "The class “{name}” needs at least 2 images (one is kept for validation).",
                            "zh": "类别“{name}”至少需要 2 张图像（其中一张留作验证）。"},
    "err.class_empty": {"en": "The folder “{name}” holds no image the app can read.",
                        "zh": "文件夹“{name}”中没有本应用能读取的图像。"},
    "err.zip_unreadable": {"en": "This is not a ZIP file the app can read, or it is damaged.",
                           "zh": "这不是本应用能读取的 ZIP 文件，或者文件已损坏。"},
    "err.zip_entries": {"en": "The ZIP holds {n} files; at most {limit} are read.",
                        "zh": "该 ZIP 包含 {n} 个文件；最多只读取 {limit} 个。"},
    "err.zip_bomb": {
        "en": "{name} unpacks to far more than it takes in the ZIP (or than the app accepts): a zip bomb; nothing "
              "was read.",
        "zh": "{name} 解压后远大于它在 ZIP 中的大小（或超出本应用的上限）：这是 zip 炸弹；什么都没有读取。",
    },
    "err.zip_no_classes": {"en": "No class folders with images in this ZIP: put each class's images in a folder "
                                 "named after it.",
                           "zh": "这个 ZIP 中没有含图像的类别文件夹：请把每个类别的图像放进以类别命名的文件夹。"},
    "err.zip_path": {"en": "Skipped: its path leads out of the ZIP (“..”).",
                     "zh": "已跳过：它的路径指向 ZIP 之外（“..”）。"},
    "err.zip_outside": {"en": "Not in a class folder: put each class's images in a folder named after it.",
                        "zh": "不在任何类别文件夹中：请把每个类别的图像放进以类别命名的文件夹。"},
    "err.weights_classes": {
        "en": "These weights were trained on other classes or input settings ({found}); this page uses {expected}.",
        "zh": "这些权重是在其他类别或输入设置（{found}）上训练的；本页使用的是 {expected}。",
    },
    "err.optimizer": {
        "en": "Unknown optimizer {value}; allowed: {allowed}.",
        "zh": "未知的优化器 {value}；可选：{allowed}。",
    },
    "err.weights_format": {
        "en": "Unknown weights format {value}; allowed: {allowed}.",
        "zh": "未知的权重文件格式 {value}；可选：{allowed}。",
    },
    "err.weights_unreadable": {
        "en": "This is not a weights file this app can read safely (safetensors, or a PyTorch state dict of plain "
              "tensors): {why}",
        "zh": "这不是本应用可以安全读取的权重文件（safetensors，或只含张量的 PyTorch state dict）：{why}",
    },
    "err.weights_not_state_dict": {
        "en": "The file holds something other than named tensors (a state dict).",
        "zh": "文件中的内容不是命名张量（state dict）。",
    },
    "err.weights_mismatch": {
        "en": "These weights belong to a different network: {detail}. Choose the architecture they were trained with.",
        "zh": "这些权重属于另一个网络：{detail}。请选择训练它们时使用的网络结构。",
    },
    "err.weights_too_big": {
        "en": "The part {name} of the weights file is larger than this network's weights can be: {why}",
        "zh": "权重文件中的 {name} 部分比这个网络的权重可能的大小还大：{why}",
    },
    "err.weights_values": {
        "en": "The weights {name} hold values that are not numbers, infinite or larger than {limit}: a network "
              "with them computes nothing useful. Train again, or load another file.",
        "zh": "权重 {name} 中有非数值、无穷大或大于 {limit} 的值：用这样的权重网络算不出有用的结果。请重新训练，"
              "或载入另一个文件。",
    },
    "err.image_aspect": {
        "en": "The image is {w}×{h} pixels: too thin a strip to show. One side may be at most {ratio} times the "
              "other; crop it first.",
        "zh": "图像为 {w}×{h} 像素：是一条太细的长条，无法显示。一条边最多是另一条边的 {ratio} 倍；请先裁剪。",
    },
    "err.pool_padding": {
        "en": "Pooling padding {padding} is too large for a {kh}×{kw} window: it may be at most half the window (as in PyTorch).",
        "zh": "对 {kh}×{kw} 的窗口，池化填充 {padding} 太大：最多只能是窗口的一半（与 PyTorch 一致）。",
    },
    "err.pool_too_big": {
        "en": "The pooling window covers {kh}×{kw} pixels but the padded image is only {h}×{w}. Use a smaller "
              "window, or more padding.",
        "zh": "池化窗口覆盖 {kh}×{kw} 个像素，但填充后的图像只有 {h}×{w}。请使用更小的窗口，或增加填充。",
    },
    "err.kernel_too_big": {
        "en": "The kernel covers {kh}×{kw} pixels (dilation included) but the padded image is only {h}×{w}. Use a smaller kernel or dilation, or more padding.",
        "zh": "卷积核（含膨胀）覆盖 {kh}×{kw} 个像素，但填充后的图像只有 {h}×{w}。请使用更小的卷积核或膨胀率，或增加填充。",
    },
    "err.strategy": {
        "en": "Unknown or unusable convolution strategy {value}; allowed: {allowed} (separable needs a rank-1 kernel).",
        "zh": "未知或不适用的卷积策略 {value}；可选：{allowed}（separable 需要秩为 1 的卷积核）。",
    },
    "err.combine_count": {
        "en": "Exactly one kernel is needed when the outputs are not combined; got {count}.",
        "zh": "不组合输出时只需要一个卷积核；收到了 {count} 个。",
    },
    "err.combine_shapes": {
        "en": "Kernels combined into one output must have one shape; got {shapes}.",
        "zh": "组合成一个输出的卷积核必须形状相同；收到的是 {shapes}。",
    },
    "err.combine_mode": {
        "en": "Unknown way to combine kernels {value}; allowed: {allowed}.",
        "zh": "未知的卷积核组合方式 {value}；可选：{allowed}。",
    },
    "err.grid_kind": {
        "en": "Unknown kind of grid {value}; allowed: {allowed}.",
        "zh": "未知的网格类型 {value}；可选：{allowed}。",
    },
    "err.grid_side": {
        "en": "The input grid must be {low} to {high} cells a side; got {rows}×{cols}.",
        "zh": "输入网格每边必须有 {low} 到 {high} 个单元格；收到的是 {rows}×{cols}。",
    },
    "err.sliding_mode": {
        "en": "Unknown sliding-window mode {value}; allowed: {allowed}.",
        "zh": "未知的滑动窗口模式 {value}；可选：{allowed}。",
    },
    # ------------------------------------------------------------ kernels
    "err.preset_param": {
        "en": "The preset {preset} has no parameter {name}; its parameters: {allowed}.",
        "zh": "预设 {preset} 没有参数 {name}；它的参数有：{allowed}。",
    },
    "err.preset_range": {
        "en": "{name} must be between {minimum} and {maximum}; got {value}.",
        "zh": "{name} 必须在 {minimum} 到 {maximum} 之间；收到的是 {value}。",
    },
    "err.preset_integer": {
        "en": "{name} must be a whole number; got {value}.",
        "zh": "{name} 必须是整数；收到的是 {value}。",
    },
    "err.preset_odd": {
        "en": "{name} must be odd so the kernel has a centre; got {value}.",
        "zh": "{name} 必须是奇数，这样卷积核才有中心；收到的是 {value}。",
    },
    "err.preset_combined": {
        "en": "The preset {preset} combines two kernels; use PRESETS[{preset!r}].kernels() to get both.",
        "zh": "预设 {preset} 组合了两个卷积核；请用 PRESETS[{preset!r}].kernels() 取得两者。",
    },
    "err.preset_name": {
        "en": "Unknown preset {value}; allowed: {allowed}.",
        "zh": "未知的预设 {value}；可选：{allowed}。",
    },
    "err.kernel_numbers": {
        "en": "A kernel must be a grid of numbers.",
        "zh": "卷积核必须是由数字组成的网格。",
    },
    "err.kernel_shape": {
        "en": "A kernel must be a 2-D grid with at least one row and one column; got shape {shape}.",
        "zh": "卷积核必须是至少一行一列的二维网格；收到的形状是 {shape}。",
    },
    "err.kernel_finite": {
        "en": "The kernel holds NaN or infinite values; every entry must be a finite number.",
        "zh": "卷积核中有 NaN 或无穷大；每个元素都必须是有限的数。",
    },
    "err.kernel_side": {
        "en": "A kernel typed by hand can be at most {side}×{side}.",
        "zh": "手动输入的卷积核最大为 {side}×{side}。",
    },
    "err.cell_empty": {
        "en": "the cell is empty",
        "zh": "该单元格为空",
    },
    "err.cell_number": {
        "en": "“{value}” is not a number (write e.g. 2, -0.5 or 1/9)",
        "zh": "“{value}”不是数字（可以写 2、-0.5 或 1/9 这样的值）",
    },
    "err.cell_finite": {
        "en": "“{value}” is not a finite number",
        "zh": "“{value}”不是有限的数",
    },
    "err.cell_float32": {
        "en": "“{value}” is beyond float32's range (about ±3.4e38)",
        "zh": "“{value}”超出了 float32 的范围（约 ±3.4e38）",
    },
    "err.cell_at": {
        "en": "Row {row}, column {col}: {why}.",
        "zh": "第 {row} 行第 {col} 列：{why}。",
    },
    "err.normalize_zero": {
        "en": "The kernel sums to 0 (an edge detector), so it cannot be normalized to sum 1; it is used as it is.",
        "zh": "卷积核的和为 0（边缘检测核），无法归一化为和为 1；按原样使用。",
    },
    # ------------------------------------------------------------ images
    "err.image_empty": {
        "en": "The file is empty.",
        "zh": "文件是空的。",
    },
    "err.image_bytes": {
        "en": "The file is {mb} MB; the limit is {limit} MB.",
        "zh": "文件大小为 {mb} MB；上限是 {limit} MB。",
    },
    "err.image_bomb": {
        "en": "The image claims to be {w}×{h} pixels, more than the {limit} megapixels this app accepts; it was not opened.",
        "zh": "该图像声称有 {w}×{h} 像素，超过了本应用接受的 {limit} 百万像素，因此没有打开。",
    },
    "err.image_unknown": {
        "en": "This file is not an image the app can read. Supported: {formats}.",
        "zh": "无法读取此文件的图像。支持的格式：{formats}。",
    },
    "err.image_broken": {
        "en": "The image file is damaged or cut short and cannot be decoded.",
        "zh": "图像文件已损坏或不完整，无法解码。",
    },
    "err.image_cost": {
        "en": "Decoding this {fmt} would need about {mb} MB of memory ({w}×{h} pixels at {bits} bits each); the app "
              "decodes at most {limit} MB per image. Save it smaller, or as JPEG.",
        "zh": "解码这张 {fmt} 图像大约需要 {mb} MB 内存（{w}×{h} 像素，每像素 {bits} 位）；本应用每张图像最多解码 "
              "{limit} MB。请把它存得小一些，或存为 JPEG。",
    },
    "err.image_frames": {
        "en": "The file holds more than {limit} frames; the app reads files with at most {limit}.",
        "zh": "该文件包含超过 {limit} 帧；本应用只读取不超过 {limit} 帧的文件。",
    },
    "err.image_scans": {
        "en": "This progressive JPEG is stored in {scans} passes over {mp} megapixels; decoding it would take far "
              "longer than a photo (at most {limit} passes × megapixels). Save it again as an ordinary JPEG.",
        "zh": "这张渐进式 JPEG 以 {scans} 遍扫描存储了 {mp} 百万像素；解码它会比普通照片慢得多（上限为扫描遍数 × "
              "百万像素 = {limit}）。请把它重新保存为普通 JPEG。",
    },
    # ------------------------------------------------------------ budgets (explorer.limits)
    "err.limit_bytes": {
        "en": "It unpacks to more than {size}, more than it declares or than the app accepts: nothing was kept.",
        "zh": "它解压后超过 {size}，超过了它声明的大小或本应用接受的上限：什么都没有保留。",
    },
    "err.limit_time": {
        "en": "Reading this upload took more than {seconds} s; the rest of it was not read.",
        "zh": "读取这次上传花了超过 {seconds} 秒；其余部分没有读取。",
    },
    "err.limit_broken": {
        "en": "The compressed data is damaged or cut short.",
        "zh": "压缩数据已损坏或不完整。",
    },
    "err.limit_encrypted": {
        "en": "The file is encrypted; the app reads only files without a password.",
        "zh": "该文件已加密；本应用只读取没有密码的文件。",
    },
    "err.limit_method": {
        "en": "The file is compressed with a method the app does not read (ZIP method {method}).",
        "zh": "该文件使用了本应用无法读取的压缩方式（ZIP 方法 {method}）。",
    },
    "err.display_mode": {
        "en": "Unknown display mode {value}; allowed: {allowed}.",
        "zh": "未知的显示方式 {value}；可选：{allowed}。",
    },
}

_PRESET_TEXT = {
    # name: (English name, English one-liner, Chinese name, Chinese one-liner)
    "identity": ("Identity", "Copies every pixel unchanged: the 1 in the centre picks the pixel itself.",
                 "恒等", "原样复制每个像素：中心的 1 只取像素自身。"),
    "box_blur": ("Box blur", "Replaces each pixel by the plain average of its neighbours: smooths noise and detail.",
                 "均值模糊", "用邻域的简单平均值替换每个像素：平滑噪声和细节。"),
    "gaussian_blur": ("Gaussian blur", "A weighted average that favours near pixels: smooth blur without boxy artefacts.",
                      "高斯模糊", "更看重近处像素的加权平均：平滑且没有方块感的模糊。"),
    "motion_blur": ("Motion blur", "Averages along a line at the chosen angle, like a camera moving during the shot.",
                    "运动模糊", "沿所选角度的直线求平均，就像拍照时相机在移动。"),
    "sharpen": ("Sharpen", "Adds the difference from the neighbours back to each pixel: edges and texture pop out.",
                "锐化", "把像素与邻域的差加回到像素上：边缘和纹理更突出。"),
    "unsharp_mask": ("Unsharp mask", "Image + amount × (image − Gaussian blur): the photographer's sharpening.",
                     "USM 锐化", "图像 + 强度 × (图像 − 高斯模糊)：摄影师常用的锐化方法。"),
    "sobel_x": ("Sobel x", "Horizontal gradient: responds to vertical edges, positive where it gets brighter to the right.",
                "Sobel x", "水平方向梯度：对竖直边缘有响应，向右变亮处为正。"),
    "sobel_y": ("Sobel y", "Vertical gradient: responds to horizontal edges, positive where it gets brighter downwards.",
                "Sobel y", "竖直方向梯度：对水平边缘有响应，向下变亮处为正。"),
    "sobel_magnitude": ("Sobel magnitude", "Edge strength in any direction: √(Sobel x² + Sobel y²), two kernels combined.",
                        "Sobel 梯度幅值", "任意方向的边缘强度：√(Sobel x² + Sobel y²)，由两个卷积核组合而成。"),
    "scharr_x": ("Scharr x", "Like Sobel x with weights 3-10-3: more accurate gradient direction.",
                 "Scharr x", "与 Sobel x 类似，权重为 3-10-3：梯度方向更准确。"),
    "scharr_y": ("Scharr y", "Like Sobel y with weights 3-10-3: more accurate gradient direction.",
                 "Scharr y", "与 Sobel y 类似，权重为 3-10-3：梯度方向更准确。"),
    "prewitt_x": ("Prewitt x", "Horizontal gradient with equal weights: a simpler, noisier Sobel x.",
                  "Prewitt x", "等权重的水平梯度：更简单、对噪声更敏感的 Sobel x。"),
    "prewitt_y": ("Prewitt y", "Vertical gradient with equal weights: a simpler, noisier Sobel y.",
                  "Prewitt y", "等权重的竖直梯度：更简单、对噪声更敏感的 Sobel y。"),
    "laplacian_4": ("Laplacian (4-neighbour)", "Second derivative: zero on flat areas and ramps, strong on thin lines and corners.",
                    "拉普拉斯（4 邻域）", "二阶导数：在平坦区域和渐变处为零，在细线和角点处响应强。"),
    "laplacian_8": ("Laplacian (8-neighbour)", "Second derivative including the diagonals: responds to edges in every direction.",
                    "拉普拉斯（8 邻域）", "包括对角线的二阶导数：对各个方向的边缘都有响应。"),
    "laplacian_of_gaussian": ("Laplacian of Gaussian", "Blur first, then the Laplacian: finds blobs and edges of the chosen size, ignoring noise.",
                              "高斯拉普拉斯（LoG）", "先模糊再求拉普拉斯：找到所选尺度的斑点和边缘，忽略噪声。"),
    "outline": ("Outline", "Centre minus all eight neighbours: bright outlines on black, flat areas vanish.",
                "轮廓", "中心减去八个邻居：黑底上的亮轮廓，平坦区域消失。"),
    "emboss": ("Emboss", "Differences along the diagonal plus the pixel itself: a relief lit from the top left.",
               "浮雕", "沿对角线的差值加上像素本身：像从左上方照亮的浮雕。"),
}
for _name, (_en, _en_desc, _zh, _zh_desc) in _PRESET_TEXT.items():
    STRINGS[f"preset.{_name}"] = {"en": _en, "zh": _zh}
    STRINGS[f"preset.{_name}.desc"] = {"en": _en_desc, "zh": _zh_desc}
