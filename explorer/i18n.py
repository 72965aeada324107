"""Every user-visible string, in English (``en``) and Simplified Chinese (``zh``).

``t(key, lang, **params)`` formats a string. Core modules raise
:class:`LocalizedError` with a key and parameters, so the same error reads in
English in a traceback and in the user's language on a page.
"""
from __future__ import annotations

LANGUAGES = {"en": "English", "zh": "简体中文"}


class LocalizedError(ValueError):
    """A ``ValueError`` whose message is a translatable string key plus parameters."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.params)


def t(key: str, lang: str = "en", **params) -> str:
    """The string ``key`` in ``lang`` with ``params`` filled in.

    A parameter that is itself a :class:`LocalizedError` is translated too.

    Example:
        >>> t("err.normalize_zero", "en")[:20]
        'The kernel sums to 0'
    """
    entry = STRINGS[key]
    text = entry.get(lang, entry["en"])
    if not params:
        return text
    filled = {k: (v.text(lang) if isinstance(v, LocalizedError) else v) for k, v in params.items()}
    return text.format(**filled)


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
    "err.idx_labels": {"en": "Labels must be digits 0 to {high}.", "zh": "标签必须是 0 到 {high} 的数字。"},
    "err.folder_empty": {
        "en": "No images found in {path}/0 … {path}/9.",
        "zh": "在 {path}/0 … {path}/9 中没有找到图像。",
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
    "err.image_aspect": {
        "en": "The image is {w}×{h} pixels: too thin a strip to show. One side may be at most {ratio} times the "
              "other; crop it first.",
        "zh": "图像为 {w}×{h} 像素：是一条太细的长条，无法显示。一条边最多是另一条边的 {ratio} 倍；请先裁剪。",
    },
    "err.pool_padding": {
        "en": "Pooling padding {padding} is too large for a {kh}×{kw} window: it may be at most half the window (as in PyTorch).",
        "zh": "对 {kh}×{kw} 的窗口，池化填充 {padding} 太大：最多只能是窗口的一半（与 PyTorch 一致）。",
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

STRINGS.update({
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
    "src.title": {"en": "Image", "zh": "图像"},
    "src.upload": {"en": "Upload your own photo", "zh": "上传你自己的照片"},
    "src.upload_help": {
        "en": "JPEG, PNG, WebP, BMP, TIFF or GIF (first frame), up to {limit} MB. An upload is used instead of the sample.",
        "zh": "JPEG、PNG、WebP、BMP、TIFF 或 GIF（取第一帧），最大 {limit} MB。上传后将代替示例图像。",
    },
    "src.sample": {"en": "…or pick a sample", "zh": "……或选择一张示例图"},
    "sample.cat": {"en": "Chelsea the cat (photo)", "zh": "小猫 Chelsea（照片）"},
    "sample.coffee": {"en": "Coffee cup (photo)", "zh": "咖啡杯（照片）"},
    "sample.astronaut": {"en": "Astronaut Eileen Collins (photo)", "zh": "宇航员 Eileen Collins（照片）"},
    "sample.camera": {"en": "Cameraman (grayscale photo)", "zh": "摄影师（灰度照片）"},
    "sample.shapes": {"en": "Shapes and text (synthetic)", "zh": "图形和文字（合成）"},
    "sample.checkerboard": {"en": "Checkerboard and ramp (synthetic)", "zh": "棋盘格和渐变（合成）"},
    "src.camera": {"en": "Use the camera", "zh": "使用摄像头"},
    "src.camera_take": {"en": "Take a snapshot", "zh": "拍一张照片"},
    "src.camera_name": {"en": "camera snapshot", "zh": "摄像头照片"},
    "src.rejected": {"en": "That file was not used: {why}", "zh": "未使用该文件：{why}"},
    "src.using": {"en": "Using **{name}**, {w}×{h} pixels.", "zh": "正在使用 **{name}**，{w}×{h} 像素。"},
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
        "en": "1. Open **Kernel Lab** and pick *Sobel magnitude*: only the edges of the cat remain.\n"
              "2. Switch to *Gaussian blur* and drag the size slider.\n"
              "3. Click a pixel of the output to see the nine multiplications behind it.\n"
              "4. Open **Sliding Window** and press ▶ play: the same sums, one cell at a time.",
        "zh": "1. 打开**卷积核实验室**，选择 *Sobel 梯度幅值*：小猫只剩下边缘。\n"
              "2. 换成 *高斯模糊*，拖动尺寸滑块。\n"
              "3. 点击输出图像上的一个像素，看看它背后的九次乘法。\n"
              "4. 打开**滑动窗口**，按下 ▶ 播放：同样的求和，一次一个单元格。",
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
        "en": "What the added border holds: zeros, a mirror of the image (reflect), the edge pixel repeated "
              "(replicate), or the opposite side (circular).",
        "zh": "添加的边框里放什么：零、图像的镜像（反射）、重复的边缘像素（复制），或图像另一侧的像素（循环）。",
    },
    "conv.mode.zeros": {"en": "Zeros", "zh": "补零"},
    "conv.mode.reflect": {"en": "Reflect", "zh": "反射"},
    "conv.mode.replicate": {"en": "Replicate", "zh": "复制边缘"},
    "conv.mode.circular": {"en": "Circular", "zh": "循环"},
    "conv.stride": {"en": "Stride", "zh": "步幅"},
    "conv.stride_help": {
        "en": "How far the kernel jumps between outputs; stride 2 halves the size.",
        "zh": "卷积核每次移动的距离；步幅为 2 时尺寸减半。",
    },
    "conv.dilation": {"en": "Dilation", "zh": "膨胀率"},
    "conv.dilation_help": {
        "en": "Gaps between the kernel's taps: a 3×3 kernel with dilation 2 covers 5×5 pixels.",
        "zh": "卷积核各元素之间的间隔：膨胀率为 2 的 3×3 卷积核覆盖 5×5 个像素。",
    },
    # ------------------------------------------------------------ kernel lab
    "kl.intro": {
        "en": "Choose a kernel and watch what it does to the picture. Every output pixel is the sum of the "
              "kernel times the pixels under it; click a pixel of the output to check the arithmetic.",
        "zh": "选择一个卷积核，看看它对图像做了什么。每个输出像素都是卷积核与其下方像素的乘积之和；点击输出图像上的像素即可核对计算过程。",
    },
    "kl.tab_kernel": {"en": "Kernel", "zh": "卷积核"},
    "kl.tab_params": {"en": "Padding, stride, display", "zh": "填充、步幅、显示"},
    "kl.gray": {"en": "Grayscale", "zh": "灰度"},
    "kl.gray_help": {
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
    "kl.gray_word": {"en": "grayscale (1 channel)", "zh": "灰度（1 通道）"},
    "kl.output_caption": {
        "en": "Output of {label}, {w}×{h}, shown as: {mode}. Click a pixel to inspect it.",
        "zh": "{label} 的输出，{w}×{h}，显示方式：{mode}。点击像素可查看计算。",
    },
    "kl.formula": {"en": "Output size", "zh": "输出尺寸"},
    "kl.formula_note": {
        "en": "⌊(input + padding − dilation·(kernel − 1) − 1) / stride⌋ + 1, for the height and the width.",
        "zh": "⌊(输入 + 填充 − 膨胀率·(核尺寸 − 1) − 1) / 步幅⌋ + 1，高和宽分别计算。",
    },
    "kl.kernel": {"en": "Kernel", "zh": "卷积核"},
    "kl.formula_full": {"en": "For the full-resolution download:", "zh": "完整分辨率下载时："},
    "kl.magnitude_note": {
        "en": "Both kernels are applied; the output is √(k1 result² + k2 result²).",
        "zh": "两个卷积核都会应用；输出为 √(k1 结果² + k2 结果²)。",
    },
    "kl.histogram": {"en": "Output values", "zh": "输出值分布"},
    "kl.histogram_note": {"en": "From {lo} to {hi}; blue bars are negative.", "zh": "范围 {lo} 到 {hi}；蓝色柱为负值。"},
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
    # ------------------------------------------------------------ sliding window
    "page.sliding_window.title": {"en": "Sliding Window", "zh": "滑动窗口"},
    "page.sliding_window.blurb": {
        "en": "Watch the kernel slide over a small grid, step by step, with every multiplication and sum: "
              "correlation, true convolution, transposed convolution, max and average pooling.",
        "zh": "一步一步看卷积核在小网格上滑动，每一次乘法和求和都清清楚楚：互相关、真正的卷积、转置卷积、最大池化和平均池化。",
    },
    "sw.intro": {
        "en": "Press ▶ and follow the orange window: each output cell is the sum of the window's values times "
              "the kernel's. Use the slider or the step buttons to go back and forth.",
        "zh": "按下 ▶，跟着橙色窗口走：每个输出单元格都是窗口中的值与卷积核对应值的乘积之和。用滑块或单步按钮前后移动。",
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
    "sw.fig.slow": {"en": "▶ slow", "zh": "▶ 慢速"},
    "sw.fig.normal": {"en": "▶ play", "zh": "▶ 播放"},
    "sw.fig.fast": {"en": "▶▶ fast", "zh": "▶▶ 快速"},
    "sw.fig.pause": {"en": "❚❚ pause", "zh": "❚❚ 暂停"},
    "sw.fig.step": {"en": "Step", "zh": "第"},
    "sw.key_help": {"en": "Keyboard: ← and →", "zh": "键盘：← 和 →"},
    "sw.back": {"en": "Step back", "zh": "上一步"},
    "sw.forward": {"en": "Step forward", "zh": "下一步"},
    "sw.step_of": {"en": "**Step {i} of {n}** (the buttons; ▶ plays in the figure)", "zh": "**第 {i} 步，共 {n} 步**（按钮控制；▶ 在图中播放）"},
    "sw.matches": {
        "en": "Every step's result equals the output of explorer.ops, which is PyTorch's.",
        "zh": "每一步的结果都与 explorer.ops（即 PyTorch）的输出一致。",
    },
    "sw.mismatch": {
        "en": "A step's result differs from explorer.ops. Please report this.",
        "zh": "某一步的结果与 explorer.ops 不一致。请报告此问题。",
    },
    "sw.export": {"en": "Take it with you", "zh": "导出"},
    "sw.make_gif": {"en": "Make an animated GIF", "zh": "生成 GIF 动画"},
    "sw.gif_wait": {"en": "Drawing the frames…", "zh": "正在绘制各帧……"},
    "sw.download_gif": {"en": "Download the GIF", "zh": "下载 GIF"},
    "sw.code": {"en": "PyTorch code for these settings", "zh": "这些设置对应的 PyTorch 代码"},
})

# ---------------------------------------------------------------- Pooling
STRINGS.update({
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
        "en": "Pooling is said to make a network robust to small shifts. Test it: move the input 0, 1, … k−1 "
              "pixels to the left and measure how much the pooled output changes, compared with no pooling at all.",
        "zh": "人们常说池化让网络对小幅平移更稳健。来验证一下：把输入向左移动 0、1、…、k−1 个像素，测量池化输出变化了多少，"
              "并与不池化的情况比较。",
    },
    "pool.shift_k": {"en": "Window size for this test (shifts 0 … k−1)", "zh": "本测试的窗口大小（平移 0 … k−1）"},
    "pool.shift_input": {"en": "Input", "zh": "输入"},
    "pool.shift_input.edges": {"en": "Edge map (like a first layer's output)", "zh": "边缘图（类似第一层的输出）"},
    "pool.shift_input.photo": {"en": "The photo, gray", "zh": "照片（灰度）"},
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
})

# ---------------------------------------------------------------- Transposed & dilated
STRINGS.update({
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
    "td.exact": {"en": "Pad for an exact enlargement", "zh": "自动填充以精确放大"},
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
        "en": "Press ▶: each step stamps one input value times the kernel. The dashed frame is what remains after "
              "the padding crop.",
        "zh": "按 ▶：每一步把一个输入值乘以卷积核盖印到输出。虚线框是按填充裁剪后保留的部分。",
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
})

# ---------------------------------------------------------------- Channels
STRINGS.update({
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
        "en": "The default filter takes Sobel x on red minus Sobel x on green: it responds to edges between red "
              "and green areas, not to edges in brightness alone. Feature maps show positive values in red and "
              "negative values in blue.",
        "zh": "默认滤波器是红色通道的 Sobel x 减去绿色通道的 Sobel x：它只对红绿区域之间的边缘有响应，而不是单纯的亮度边缘。"
              "特征图用红蓝配色显示：红为正，蓝为负。",
    },
    "ch.many_intro": {
        "en": "Pick up to eight filters. Each gives one feature map; together they are the layer's output, shape "
              "(n, H, W). The layer below is a real nn.Conv2d loaded with these weights.",
        "zh": "最多选择八个滤波器。每个滤波器输出一张特征图；合起来就是该层的输出，形状为 (n, H, W)。下面的层是载入了这些权重的真正 nn.Conv2d。",
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
        "en": "Space first, then channels: nearly the standard result for far less.",
        "zh": "先处理空间，再混合通道：以少得多的代价得到接近标准卷积的效果。",
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
})

# ---------------------------------------------------------------- im2col
STRINGS.update({
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
    "ic.step_input": {"en": "Input x, shape (1, {c}, {h}, {w})", "zh": "输入 x，形状 (1, {c}, {h}, {w})"},
    "ic.channel": {"en": "Channel {c}", "zh": "通道 {c}"},
    "ic.step_col": {
        "en": "im2col(x): shape ({rows}, {cols}), one row per window, columns ordered (channel, row, column)",
        "zh": "im2col(x)：形状 ({rows}, {cols})，每个窗口一行，列按 (通道, 行, 列) 排列",
    },
    "ic.scroll_note": {
        "en": "{cols} columns: scroll the table sideways to see them all.",
        "zh": "共 {cols} 列：左右滚动表格即可看到全部。",
    },
    "ic.step_w": {
        "en": "Weights W reshaped: ({rows}, {fn}), one column per filter",
        "zh": "重新排列的权重 W：({rows}, {fn})，每个滤波器一列",
    },
    "ic.step_product": {
        "en": "col · W + b: ({rows}, {fn})",
        "zh": "col · W + b：({rows}, {fn})",
    },
    "ic.row_sum": {"en": "Row {row}, filter 1:", "zh": "第 {row} 行，滤波器 1："},
    "ic.step_maps": {
        "en": "Reshaped back: {fn} feature map(s) of {h}×{w}",
        "zh": "重新排列回来：{fn} 张 {h}×{w} 的特征图",
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
    "ic.dout": {"en": "dout: shape (1, {fn}, {h}, {w})", "zh": "dout：形状 (1, {fn}, {h}, {w})"},
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
        "en": "One gray {w}×{h} image, medians of five runs after a warm-up, measured just now on this machine. "
              "The loops run on a small corner and are scaled up to the whole image.",
        "zh": "一张 {w}×{h} 的灰度图，预热后五次运行的中位数，刚刚在本机上测得。循环只在一个小角落上运行，再按像素数放大到整幅图像。",
    },
    "ic.cost_axis": {"en": "milliseconds (log scale)", "zh": "毫秒（对数坐标）"},
    "ic.lesson": {
        "en": "Lesson: a Python loop is hopeless; im2col turns the work into one matrix product (GEMM) that "
              "runs at full speed, at the price of k·k copies of the image; libraries go further with direct "
              "kernels, Winograd (fewer multiplications for 3×3) or the FFT (for large kernels).",
        "zh": "结论：Python 循环毫无希望；im2col 把计算变成一次全速运行的矩阵乘法（GEMM），代价是把图像复制 k·k 份；"
              "各种库还更进一步，使用直接卷积内核、Winograd（3×3 时乘法更少）或 FFT（大卷积核时）。",
    },
})

# ---------------------------------------------------------------- Network
STRINGS.update({
    "page.network.title": {"en": "Network", "zh": "网络"},
    "page.network.blurb": {
        "en": "Build a small LeNet (or a VGG, residual or Inception variant), train it here on handwritten "
              "digits in seconds, and look inside: its filters, its feature maps, its mistakes.",
        "zh": "搭建一个小型 LeNet（或 VGG、残差、Inception 变体），在这里用手写数字几秒钟就训练好，再看看它的内部："
              "滤波器、特征图，以及它犯的错误。",
    },
    "net.intro": {
        "en": "A convolutional network for handwritten digits: layers that you can edit, trained in this page on "
              "the digits that ship with the app, then opened up.",
        "zh": "一个识别手写数字的卷积网络：各层都可以编辑，在本页用应用自带的数字数据训练，然后打开来看。",
    },
    "net.tab_arch": {"en": "Architecture", "zh": "网络结构"},
    "net.tab_train": {"en": "Training", "zh": "训练"},
    "net.tab_inside": {"en": "Looking inside", "zh": "深入内部"},
    "net.arch_intro": {
        "en": "Every row is a layer. The table below it runs the real torch.nn modules on a 1 × 28 × 28 input "
              "and reports each layer's output shape, parameters, multiply-adds and receptive field.",
        "zh": "每一行是一层。下方的表格在 1 × 28 × 28 的输入上运行真正的 torch.nn 模块，列出每层的输出形状、参数、乘加次数和感受野。",
    },
    "net.preset": {"en": "Start from", "zh": "从以下结构开始"},
    "net.preset.lenet_small": {"en": "Small LeNet (seed notes)", "zh": "小型 LeNet（课程笔记）"},
    "net.preset.lenet_classic": {"en": "Classic LeNet 10/20", "zh": "经典 LeNet 10/20"},
    "net.preset.vgg_small": {"en": "Small VGG (3×3 convs)", "zh": "小型 VGG（3×3 卷积）"},
    "net.preset.residual": {"en": "With a residual block", "zh": "带残差块"},
    "net.preset.inception": {"en": "With an Inception module", "zh": "带 Inception 模块"},
    "net.preset.batchnorm": {"en": "LeNet with BatchNorm", "zh": "带 BatchNorm 的 LeNet"},
    "net.preset.lenet_small.desc": {
        "en": "1×28×28 → 5×5 conv, 4 maps 24×24 → 2×2 pool 12×12 → 5×5 conv, 8 maps 8×8 → pool 4×4 → 10 classes.",
        "zh": "1×28×28 → 5×5 卷积，4 张 24×24 → 2×2 池化 12×12 → 5×5 卷积，8 张 8×8 → 池化 4×4 → 10 类。",
    },
    "net.preset.lenet_classic.desc": {
        "en": "Conv2d(1, 10, 5) → pool → ReLU → Conv2d(10, 20, 5) → pool → ReLU → Linear(320, 10).",
        "zh": "Conv2d(1, 10, 5) → 池化 → ReLU → Conv2d(10, 20, 5) → 池化 → ReLU → Linear(320, 10)。",
    },
    "net.preset.vgg_small.desc": {
        "en": "Pairs of 3×3 convolutions before each pooling: two 3×3 see as far as one 5×5 with fewer weights.",
        "zh": "每次池化前用两层 3×3 卷积：两层 3×3 的感受野与一层 5×5 相同，但权重更少。",
    },
    "net.preset.residual.desc": {
        "en": "A residual block adds its input back to its output (through a 1×1 projection when the channels change).",
        "zh": "残差块把输入加回到输出上（通道数改变时经过 1×1 投影）。",
    },
    "net.preset.inception.desc": {
        "en": "An Inception module runs 1×1, 1×1→5×5, 1×1→3×3→3×3 and pool→1×1 side by side and concatenates them.",
        "zh": "Inception 模块并行运行 1×1、1×1→5×5、1×1→3×3→3×3 和 池化→1×1，再把结果拼接起来。",
    },
    "net.preset.batchnorm.desc": {
        "en": "The small LeNet with batch normalisation after each convolution: it trains faster and steadier.",
        "zh": "在每个卷积后加入批归一化的小型 LeNet：训练更快、更稳定。",
    },
    "net.col_order": {"en": "Change the number to move the layer.", "zh": "修改编号即可移动该层。"},
    "net.layer.conv": {"en": "conv", "zh": "卷积"},
    "net.layer.maxpool": {"en": "maxpool", "zh": "最大池化"},
    "net.layer.avgpool": {"en": "avgpool", "zh": "平均池化"},
    "net.layer.relu": {"en": "relu", "zh": "ReLU"},
    "net.layer.batchnorm": {"en": "batchnorm", "zh": "批归一化"},
    "net.layer.flatten": {"en": "flatten", "zh": "展平"},
    "net.layer.linear": {"en": "linear", "zh": "全连接"},
    "net.layer.residual": {"en": "residual", "zh": "残差块"},
    "net.layer.inception": {"en": "inception", "zh": "Inception 块"},
    "net.col_type": {"en": "Layer", "zh": "层类型"},
    "net.col_out": {"en": "Out", "zh": "输出"},
    "net.col_out_help": {
        "en": "Output channels (conv, residual, inception) or outputs (linear).",
        "zh": "输出通道数（卷积、残差、Inception）或输出个数（全连接）。",
    },
    "net.col_k": {"en": "Kernel", "zh": "卷积核"},
    "net.col_pad": {"en": "Padding", "zh": "填充"},
    "net.edit_help": {
        "en": "Add a layer in the empty last row, delete one by selecting its row, move one by changing its #. "
              "Empty cells take the default.",
        "zh": "在最后的空行中添加一层，选中某行可将其删除，修改 # 可移动某层。空单元格使用默认值。",
    },
    "net.t_layer": {"en": "#", "zh": "#"},
    "net.t_name": {"en": "Layer", "zh": "层"},
    "net.t_shape": {"en": "Output shape", "zh": "输出形状"},
    "net.t_params": {"en": "Parameters", "zh": "参数"},
    "net.t_macs": {"en": "Multiply-adds", "zh": "乘加次数"},
    "net.t_rf": {"en": "Receptive field", "zh": "感受野"},
    "net.rf_all": {"en": "whole image", "zh": "整幅图像"},
    "net.total_params": {"en": "Parameters in all", "zh": "参数总数"},
    "net.total_macs": {"en": "Multiply-adds per image", "zh": "每张图像的乘加次数"},
    "net.input_shape": {"en": "Input", "zh": "输入"},
    "net.train_intro": {
        "en": "Train the network from the Architecture tab. Loss and accuracy are drawn after every epoch for the "
              "training set and for the validation set the network never learns from.",
        "zh": "训练“网络结构”页中的网络。每个训练轮次后，画出训练集和验证集（网络从不从中学习）上的损失和准确率。",
    },
    "net.data": {"en": "Data", "zh": "数据"},
    "net.data.digits": {"en": "Bundled digits (scikit-learn)", "zh": "自带的数字（scikit-learn）"},
    "net.data.idx": {"en": "My MNIST IDX files", "zh": "我的 MNIST IDX 文件"},
    "net.idx_images": {"en": "Images file (idx3-ubyte, may be .gz)", "zh": "图像文件（idx3-ubyte，可为 .gz）"},
    "net.idx_labels": {"en": "Labels file (idx1-ubyte, may be .gz)", "zh": "标签文件（idx1-ubyte，可为 .gz）"},
    "net.idx_help": {
        "en": "Upload both files, e.g. t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. Until then the "
              "bundled digits are used.",
        "zh": "请上传两个文件，例如 t10k-images-idx3-ubyte.gz 和 t10k-labels-idx1-ubyte.gz。在此之前使用自带的数字。",
    },
    "net.idx_loaded": {"en": "{n} images loaded.", "zh": "已载入 {n} 张图像。"},
    "net.data_sizes": {
        "en": "{train} training, {val} validation and {test} test images, 28×28.",
        "zh": "训练图像 {train} 张、验证图像 {val} 张、测试图像 {test} 张，均为 28×28。",
    },
    "net.epochs": {"en": "Epochs", "zh": "训练轮数"},
    "net.lr": {"en": "Learning rate", "zh": "学习率"},
    "net.batch": {"en": "Batch size", "zh": "批大小"},
    "net.optimizer": {"en": "Optimizer", "zh": "优化器"},
    "net.opt.adam": {"en": "Adam", "zh": "Adam"},
    "net.opt.sgd": {"en": "SGD + momentum", "zh": "SGD + 动量"},
    "net.train": {"en": "Train", "zh": "开始训练"},
    "net.stop": {"en": "Stop", "zh": "停止"},
    "net.stop_help": {
        "en": "Stops after the current batch; the network keeps what it learned so far.",
        "zh": "在当前批次后停止；网络保留目前学到的内容。",
    },
    "net.training": {"en": "Training…", "zh": "正在训练……"},
    "net.progress": {
        "en": "Epoch {epoch} of {epochs}, batch {step} of {steps}",
        "zh": "第 {epoch}/{epochs} 轮，第 {step}/{steps} 批",
    },
    "net.train_set": {"en": "training", "zh": "训练集"},
    "net.val_set": {"en": "validation", "zh": "验证集"},
    "net.epoch": {"en": "epoch", "zh": "轮次"},
    "net.loss": {"en": "loss (cross-entropy)", "zh": "损失（交叉熵）"},
    "net.accuracy": {"en": "accuracy (%)", "zh": "准确率（%）"},
    "net.stopped": {
        "en": "Stopped after {n} complete epoch(s); the results below are for the network as it was then.",
        "zh": "已在完成 {n} 轮后停止；下面的结果对应停止时的网络。",
    },
    "net.test_acc": {"en": "Test accuracy", "zh": "测试准确率"},
    "net.test_detail": {"en": "on {n} unseen digits, loss {loss}", "zh": "在 {n} 个未见过的数字上，损失 {loss}"},
    "net.not_trained": {
        "en": "Not trained yet: press Train (about a second per epoch for the small LeNet on a laptop CPU).",
        "zh": "尚未训练：请按“开始训练”（小型 LeNet 在笔记本 CPU 上每轮约一秒）。",
    },
    "net.weights_title": {"en": "Weights", "zh": "权重"},
    "net.download_st": {"en": "Download (safetensors)", "zh": "下载（safetensors）"},
    "net.download_pt": {"en": "Download (PyTorch state dict)", "zh": "下载（PyTorch state dict）"},
    "net.upload_weights": {"en": "Load weights", "zh": "载入权重"},
    "net.upload_help": {
        "en": "A .safetensors file, or a .pt state dict of plain tensors; it must fit the architecture above. "
              "Files are never unpickled.",
        "zh": "一个 .safetensors 文件，或只含张量的 .pt state dict；它必须与上面的网络结构匹配。文件绝不会被反序列化（unpickle）。",
    },
    "net.weights_loaded": {"en": "Weights loaded from {name}.", "zh": "已从 {name} 载入权重。"},
    "net.inside_first": {
        "en": "Train the network (or load weights) on the Training tab first.",
        "zh": "请先在“训练”页训练网络（或载入权重）。",
    },
    "net.filters_title": {"en": "First-layer filters", "zh": "第一层的滤波器"},
    "net.filters_note": {
        "en": "Before training they are random noise; training turns them into the patterns this network found "
              "useful, often pieces of strokes and edges (light: positive weights, dark: negative, mid-grey: 0).",
        "zh": "训练前它们是随机噪声；训练把它们变成了这个网络认为有用的图案，常常是笔画和边缘的片段（亮：正权重，暗：负权重，中灰：0）。",
    },
    "net.before": {"en": "Before training", "zh": "训练前"},
    "net.after": {"en": "After training", "zh": "训练后"},
    "net.input_title": {"en": "One digit through the network", "zh": "一个数字穿过网络"},
    "net.input": {"en": "Input", "zh": "输入"},
    "net.input.test": {"en": "A test digit", "zh": "测试集中的数字"},
    "net.input.draw": {"en": "Draw one", "zh": "自己画一个"},
    "net.input.photo": {"en": "Photo of a digit", "zh": "数字的照片"},
    "net.test_index": {"en": "Test digit number", "zh": "测试数字编号"},
    "net.true_label": {"en": "Its label: {label}", "zh": "它的标签：{label}"},
    "net.draw_help": {
        "en": "Draw with the mouse (or a finger) on the black square: each stroke is added. The strokes are "
              "drawn as lines 2 pixels wide, like the training digits.",
        "zh": "用鼠标（或手指）在黑色方块上书写：每一笔都会被加上。笔画按 2 像素宽的线条绘制，与训练数据相似。",
    },
    "net.clear": {"en": "Clear", "zh": "清除"},
    "net.photo": {"en": "Photo of one handwritten digit", "zh": "一个手写数字的照片"},
    "net.photo_help": {
        "en": "Dark ink on light paper works best; the steps below show how it is prepared.",
        "zh": "浅色纸上的深色字迹效果最好；下面展示了照片的预处理步骤。",
    },
    "net.step.gray": {"en": "1. Grayscale", "zh": "1. 灰度"},
    "net.step.inverted": {"en": "2. Inverted if the paper is light", "zh": "2. 纸张较亮时反相"},
    "net.step.cropped": {"en": "3. Cropped to the digit, squared", "zh": "3. 裁剪到数字并补成正方形"},
    "net.step.final": {"en": "4. 20×20 centred in 28×28", "zh": "4. 缩放为 20×20 并居中放入 28×28"},
    "net.no_input": {"en": "Draw or upload a digit to see it go through the network.", "zh": "画一个或上传一个数字，看它如何穿过网络。"},
    "net.prediction": {"en": "Predicted: {digit} ({p} %)", "zh": "预测：{digit}（{p}%）"},
    "net.probability": {"en": "probability (%)", "zh": "概率（%）"},
    "net.digit": {"en": "digit", "zh": "数字"},
    "net.maps_title": {"en": "Feature maps, layer by layer", "zh": "逐层的特征图"},
    "net.more_maps": {"en": "… of {n}", "zh": "……共 {n} 张"},
    "net.test_title": {"en": "On the whole test set", "zh": "在整个测试集上"},
    "net.confusion": {"en": "Confusion matrix (row: true digit, column: predicted)", "zh": "混淆矩阵（行：真实数字，列：预测）"},
    "net.confusion_note": {
        "en": "The diagonal counts the correct answers; everything else is a mistake.",
        "zh": "对角线上是答对的数量；其余都是错误。",
    },
    "net.mistakes": {"en": "{n} of {total} test digits are misread:", "zh": "{total} 个测试数字中有 {n} 个被认错："},
    "net.mistake": {"en": "{true} → {pred}", "zh": "{true} → {pred}"},
})
