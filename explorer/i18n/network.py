"""Strings of the Network page."""
STRINGS: dict[str, dict[str, str]] = {
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
    "net.preset.lenet_small": {"en": "Small LeNet (4 and 8 maps)", "zh": "小型 LeNet（4 张和 8 张特征图）"},
    "net.preset.lenet_hidden": {"en": "The notes' LeNet (hidden layer n1 = 32)", "zh": "讲义中的 LeNet（隐藏层 n1 = 32）"},
    "net.preset.lenet5": {"en": "LeNet-5 (6 and 16 maps, 120-84-10)", "zh": "LeNet-5（6 张和 16 张特征图，120-84-10）"},
    "net.preset.lenet_classic": {"en": "The notes' simplified MNIST net (10 and 20 maps)",
                                 "zh": "讲义中的简化 MNIST 网络（10 张和 20 张特征图）"},
    "net.preset.simple_convnet": {"en": "SimpleConvNet (conv 30@5×5, affine 100)",
                                  "zh": "SimpleConvNet（卷积 30@5×5，全连接 100）"},
    "net.preset.vgg_small": {"en": "Small VGG (3×3 convs)", "zh": "小型 VGG（3×3 卷积）"},
    "net.preset.residual": {"en": "With a residual block (ResNet)", "zh": "带残差块（ResNet）"},
    "net.preset.inception": {"en": "With an Inception module", "zh": "带 Inception 模块"},
    "net.preset.alexnet_ideas": {"en": "AlexNet's ideas (ReLU, overlapping pooling, dropout)",
                                 "zh": "AlexNet 的思想（ReLU、重叠池化、Dropout）"},
    "net.preset.batchnorm": {"en": "Small LeNet with BatchNorm", "zh": "带 BatchNorm 的小型 LeNet"},
    "net.preset.bn_net": {"en": "BatchNorm net (conv 25 and 50, FC 1250→1024→128→10)",
                          "zh": "BatchNorm 网络（卷积 25 和 50，全连接 1250→1024→128→10）"},
    "net.preset.lenet_small.desc": {
        "en": "1×28×28 → 5×5 conv, 4 maps 24×24 → 2×2 pool 12×12 → 5×5 conv, 8 maps 8×8 → pool 4×4 → 10 classes; "
              "{params} parameters. The notes' LeNet adds a hidden dense layer (n1 units) before the 10 outputs: "
              "the next preset.",
        "zh": "1×28×28 → 5×5 卷积，4 张 24×24 → 2×2 池化 12×12 → 5×5 卷积，8 张 8×8 → 池化 4×4 → 10 类；共 {params} 个参数。"
              "讲义中的 LeNet 在 10 个输出之前还有一个隐藏的全连接层（n1 个单元）：见下一个预设。",
    },
    "net.preset.lenet_hidden.desc": {
        "en": "The notes' LeNet: the small LeNet's features (5×5 conv, 4 maps → pool → 5×5 conv, 8 maps → pool), "
              "flattened to 128 numbers, then a hidden dense layer of n1 = 32 units with a ReLU before the 10 "
              "outputs; {params} parameters. n1 is yours to choose: change that row's Out.",
        "zh": "讲义中的 LeNet：与小型 LeNet 相同的特征部分（5×5 卷积 4 张 → 池化 → 5×5 卷积 8 张 → 池化），展平为 128 个数，"
              "再经过一个 n1 = 32 个单元、带 ReLU 的隐藏全连接层，最后是 10 个输出；共 {params} 个参数。n1 由你决定：修改该行的“输出”。",
    },
    "net.preset.lenet5.desc": {
        "en": "LeCun et al. (1998): two 5×5 convolutions with 6 and 16 maps, each followed by 2×2 average pooling "
              "(\"subsampling\"), then dense layers of 120, 84 and 10. LeNet-5 took 32×32 images; padding the 28×28 "
              "digits by 2 on each side is the same. The original squashed with a scaled tanh; ReLU here. "
              "{params} parameters, as in the paper's count of about 60,000.",
        "zh": "LeCun 等人（1998）：两层 5×5 卷积，分别有 6 张和 16 张特征图，每层后接 2×2 平均池化（“下采样”），"
              "然后是 120、84、10 个单元的全连接层。LeNet-5 的输入是 32×32 的图像；把 28×28 的数字每边填充 2 个像素是一样的。"
              "原版用缩放的 tanh 作激活，这里用 ReLU。共 {params} 个参数，与论文中约 60,000 个的统计一致。",
    },
    "net.preset.lenet_classic.desc": {
        "en": "The notes' simplified MNIST network (not LeNet-5): Conv2d(1, 10, 5) → pool → ReLU → "
              "Conv2d(10, 20, 5) → pool → ReLU → Linear(320, 10); {params} parameters. PyTorch's own MNIST "
              "example differs: it adds Dropout and a 50-unit hidden layer, and its current version uses 32 and "
              "64 maps of 3×3.",
        "zh": "讲义中简化的 MNIST 网络（不是 LeNet-5）：Conv2d(1, 10, 5) → 池化 → ReLU → Conv2d(10, 20, 5) → "
              "池化 → ReLU → Linear(320, 10)；共 {params} 个参数。PyTorch 自己的 MNIST 示例与此不同：它另加了 Dropout "
              "和一个 50 个单元的隐藏层，现在的版本使用 32 和 64 张 3×3 特征图。",
    },
    "net.preset.simple_convnet.desc": {
        "en": "The notes' SimpleConvNet: one convolution with 30 filters of 5×5 (stride 1, no padding) → ReLU → "
              "2×2 max pooling → Affine 100 → ReLU → Affine 10. Most of its {params} parameters sit in the first "
              "dense layer, which sees all 30×12×12 = 4,320 pooled values.",
        "zh": "笔记中的 SimpleConvNet：一层 30 个 5×5 滤波器的卷积（步幅 1，无填充）→ ReLU → 2×2 最大池化 → Affine 100 → "
              "ReLU → Affine 10。它的 {params} 个参数大多在第一个全连接层，它要看全部 30×12×12 = 4,320 个池化后的值。",
    },
    "net.preset.vgg_small.desc": {
        "en": "VGG's idea: stack 3×3 convolutions. Two 3×3 layers see a {rf_two}×{rf_two} area, as one 5×5 does "
              "({rf_one}×{rf_one}), with {two_3x3} weights instead of {one_5x5} for {c} channels, and a ReLU more "
              "in between. VGG-16 and VGG-19 (16 and 19 layers with weights: 13 or 16 convolutions and 3 dense "
              "layers) are built from nothing else.",
        "zh": "VGG 的思路：堆叠 3×3 卷积。两层 3×3 的感受野是 {rf_two}×{rf_two}，与一层 5×5（{rf_one}×{rf_one}）相同，"
              "但在 {c} 个通道时只要 {two_3x3} 个权重而不是 {one_5x5} 个，中间还多一个 ReLU。"
              "VGG-16 和 VGG-19（16 和 19 个带权重的层：13 或 16 个卷积层加 3 个全连接层）就只由这些组成。",
    },
    "net.preset.residual.desc": {
        "en": "ResNet's idea: a block computes H(x) = F(x) + x, adding its input back (through a 1×1 projection "
              "when the channels change). The block only has to learn the change F(x): with F = 0 it passes x on "
              "(ReLU(x) = x for the non-negative values a ReLU leaves; through this preset's projection, ReLU(P·x)). "
              "On the + x path the gradient reaches x unchanged (∂H/∂x = ∂F/∂x + 1 where the input is added as "
              "it is; through this preset's 1×1 projection it is ∂F/∂x + P, and the ReLU after the sum passes it "
              "only where the sum is positive), so very deep stacks still train. {params} parameters.",
        "zh": "ResNet 的思路：一个块计算 H(x) = F(x) + x，把输入加回输出（通道数改变时经过 1×1 投影）。块只需学习变化量 F(x)：F = 0 时它把 x 原样传下去"
              "（对 ReLU 留下的非负值，ReLU(x) = x；经过本预设的投影时是 ReLU(P·x)）。"
              "梯度沿着 + x 的路径原样传回 x（输入原样相加时 ∂H/∂x = ∂F/∂x + 1；经过本预设的 1×1 投影时是 ∂F/∂x + P，"
              "而且求和之后的 ReLU 只在和为正处让梯度通过），所以很深的网络也能训练。共 {params} 个参数。",
    },
    "net.preset.inception.desc": {
        "en": "An Inception module runs 1×1, 1×1→5×5, 1×1→3×3→3×3 and pool→1×1 side by side and concatenates "
              "them. The 1×1 convolutions are bottlenecks: on {side}×{side} with {cin} channels in, the 5×5 branch "
              "costs {with_1x1} multiply-adds after a 1×1 down to {q} channels, {without_1x1} without it. Type 88 "
              "in its Out column for the notes' module: 1×1 16; 1×1 16 → 5×5 24; 1×1 16 → 3×3 24 → 3×3 24; "
              "pool → 1×1 24, 16 + 24 + 24 + 24 = 88 channels, {notes_params} parameters here.",
        "zh": "Inception 模块并行运行 1×1、1×1→5×5、1×1→3×3→3×3 和 池化→1×1，再把结果拼接起来。1×1 卷积是瓶颈层："
              "在 {side}×{side}、输入 {cin} 个通道时，先用 1×1 降到 {q} 个通道，5×5 分支只要 {with_1x1} 次乘加，"
              "不降维则要 {without_1x1} 次。在它的“输出”列中填入 88，就是讲义中的模块：1×1 16；1×1 16 → 5×5 24；"
              "1×1 16 → 3×3 24 → 3×3 24；池化 → 1×1 24，共 16 + 24 + 24 + 24 = 88 个通道，这里有 {notes_params} 个参数。",
    },
    "net.preset.alexnet_ideas.desc": {
        "en": "AlexNet (2012) won ImageNet with ideas kept ever since: ReLU instead of saturating activations "
              "(faster training), overlapping 3×3 pooling with stride 2, dropout (half the units zeroed at each "
              "training step, none at test time) against overfitting, data augmentation (random crops and flips), "
              "and training on GPUs. This stack uses the first three at digit size; {params} parameters.",
        "zh": "AlexNet（2012）凭借一些沿用至今的思想赢得了 ImageNet：用 ReLU 代替饱和的激活函数（训练更快）、步幅 2 的"
              "重叠 3×3 池化、Dropout（训练时每一步随机把一半单元置零，测试时不置零）以减轻过拟合、数据增强（随机裁剪和翻转），"
              "以及在 GPU 上训练。这个网络在数字大小上用了前三项；共 {params} 个参数。",
    },
    "net.preset.batchnorm.desc": {
        "en": "The small LeNet with batch normalisation after each convolution: it trains faster and steadier; "
              "{params} parameters.",
        "zh": "在每个卷积后加入批归一化的小型 LeNet：训练更快、更稳定；共 {params} 个参数。",
    },
    "net.preset.bn_net.desc": {
        "en": "The notes' BatchNorm net: Conv 25@3×3 → BN → ReLU → pool → Conv 50@3×3 → BN → ReLU → pool → "
              "flatten 50×5×5 = 1,250 → FC 1024 → FC 128 → 10. BatchNorm normalises each channel over the batch to "
              "mean 0 and variance 1, then scales and shifts it by its learned γ and β (so its output need not "
              "keep mean 0 and variance 1). {params} parameters, almost all in the first dense layer.",
        "zh": "笔记中的 BatchNorm 网络：卷积 25@3×3 → BN → ReLU → 池化 → 卷积 50@3×3 → BN → ReLU → 池化 → 展平 "
              "50×5×5 = 1,250 → 全连接 1024 → 全连接 128 → 10。BatchNorm 在一个批量上把每个通道归一化为均值 0、"
              "方差 1，再用学到的 γ 和 β 缩放和平移（所以它的输出不一定保持均值 0、方差 1）。"
              "共 {params} 个参数，几乎都在第一个全连接层。",
    },
    "net.preset_digit_sizes": {
        "en": "(The sizes in these words are those of the 1 × 28 × 28 digits the network was drawn for; the table "
              "below gives its own for your {shape} pictures, and the parameter count is theirs.)",
        "zh": "（这段话里的尺寸是这个网络原本面向的 1 × 28 × 28 数字的；下表给出它在你的 {shape} 图片上的尺寸，"
              "参数个数也是按你的图片算的。）",
    },
    "net.col_order": {"en": "Change the number to move the layer.", "zh": "修改编号即可移动该层。"},
    "net.layer.conv": {"en": "conv", "zh": "卷积"},
    "net.layer.maxpool": {"en": "maxpool", "zh": "最大池化"},
    "net.layer.avgpool": {"en": "avgpool", "zh": "平均池化"},
    "net.layer.relu": {"en": "relu", "zh": "ReLU"},
    "net.layer.batchnorm": {"en": "batchnorm", "zh": "批归一化"},
    "net.layer.dropout": {"en": "dropout", "zh": "Dropout"},
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
        "en": "Train the network from the Architecture tab. Loss and accuracy are drawn as it trains (at most twice "
              "a second, and once at the end) for the training set and for the validation set the network never "
              "learns from.",
        "zh": "训练“网络结构”页中的网络。训练过程中（每秒最多两次，结束时再画一次）画出训练集和验证集（网络从不从中学习）"
              "上的损失和准确率。",
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
    "net.queued": {
        "en": "Waiting for a free core (trainings running on this server now: {running}); yours is number {place} "
              "in the queue. It starts by itself; Stop leaves the queue.",
        "zh": "正在等待空闲的处理器核心：本服务器上有 {running} 个训练正在运行，你的训练排在第 {place} 位。"
              "轮到时会自动开始；按“停止”可退出排队。",
    },
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
        "en": "Not trained yet: press Train (the small LeNet takes about a tenth of a second per epoch here).",
        "zh": "尚未训练：请按“开始训练”（小型 LeNet 在这里每轮约十分之一秒）。",
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
    "net.input.test": {"en": "A test digit", "zh": "测试数字"},
    "net.input.draw": {"en": "Draw one", "zh": "自己画"},
    "net.input.photo": {"en": "Photo of a digit", "zh": "数字照片"},
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
    "net.step.grey": {"en": "1. Greyscale", "zh": "1. 灰度"},
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
    # the big picture
    "net.big_title": {"en": "The big picture", "zh": "全局图景"},
    "net.big_parts": {
        "en": "① The convolution and pooling part (layers {features}) extracts features from the picture; ② the "
              "fully connected part (layer {classifier}) classifies them into the {n} digits.",
        "zh": "① 卷积和池化部分（第 {features} 层）从图像中提取特征；② 全连接部分（第 {classifier} 层）把它们分类为 {n} 个数字。",
    },
    "net.big_local": {
        "en": "**Local connectivity**: each output of layer {row} sees a {k}×{k}×{c} window, {window} of the "
              "{inputs} input values.",
        "zh": "**局部连接**：第 {row} 层的每个输出只看一个 {k}×{k}×{c} 的窗口，即 {inputs} 个输入值中的 {window} 个。",
    },
    "net.big_sharing": {
        "en": "**Weight sharing**: layer {row} has {params} parameters, the same at every position; a dense "
              "layer from the {inputs} inputs to its {outputs} outputs would need {dense}.",
        "zh": "**权重共享**：第 {row} 层有 {params} 个参数，在每个位置都相同；从 {inputs} 个输入到它的 {outputs} 个输出，"
              "全连接层需要 {dense} 个。",
    },
    "net.big_down": {
        "en": "**Downsampling**: layer {row} turns {before} into {after}, {share} % of the values, and every "
              "window after it reaches further across the picture.",
        "zh": "**下采样**：第 {row} 层把 {before} 变成 {after}，只剩 {share}% 的数值，之后的每个窗口在图像上能看得更远。",
    },
    "net.big_down_dense": {
        "en": "It also cuts the classifier: the first dense layer has {after} weights here, and would have "
              "{before} without this pooling. Fewer numbers to fit to the training images: less overfitting.",
        "zh": "它也让分类器变小：第一个全连接层在这里有 {after} 个权重，没有这次池化则会有 {before} 个。需要拟合训练图像的数更少，"
              "过拟合也就更少。",
    },
    "net.big_flatten": {
        "en": "**Flattening**: layer {row} turns the {shape} maps into a list of {size} numbers. The dense layer "
              "after it gives every position its own weight: it no longer knows which numbers were neighbours, and "
              "a digit moved by a few pixels meets other weights.",
        "zh": "**展平**：第 {row} 层把 {shape} 的特征图变成 {size} 个数的列表。之后的全连接层给每个位置各自的权重："
              "它不再知道哪些数原来是相邻的，数字移动几个像素就会碰到另一些权重。",
    },
    # ReLU and softmax with numbers
    "net.relu_title": {"en": "ReLU: negatives become 0", "zh": "ReLU：负数变为 0"},
    "net.relu_note": {
        "en": "Layer {layer} (ReLU) keeps the positive values and sets the negative ones to 0: {zeroed} of "
              "{total} values ({share} %) became 0 for this digit. Map {channel} before and after, on one scale "
              "(red positive, blue negative):",
        "zh": "第 {layer} 层（ReLU）保留正值，把负值设为 0：对这个数字，{total} 个值中有 {zeroed} 个（{share}%）变成了 0。"
              "下面是第 {channel} 张特征图处理前后的样子，使用同一色标（红为正，蓝为负）：",
    },
    "net.relu_before": {"en": "Before ReLU", "zh": "ReLU 之前"},
    "net.relu_after": {"en": "After ReLU", "zh": "ReLU 之后"},
    "net.softmax_title": {"en": "Softmax: from ten scores to probabilities", "zh": "Softmax：从十个分数到概率"},
    "net.softmax_note": {
        "en": "The last layer gives ten scores (logits) z. Softmax: pᵢ = exp(zᵢ − max z) / Σ exp(z − max z) "
              "(subtracting the largest score changes nothing and keeps exp from overflowing). The sum of the "
              "exps is {total}; the probabilities add up to {sum}; the largest logit, digit {best}, wins.",
        "zh": "最后一层给出十个分数（logits）z。Softmax：pᵢ = exp(zᵢ − max z) / Σ exp(z − max z)（减去最大分数不改变结果，"
              "还能避免 exp 溢出）。各 exp 之和为 {total}；概率之和为 {sum}；最大的 logit（数字 {best}）胜出。",
    },
    "net.sm_digit": {"en": "Digit", "zh": "数字"},
    "net.sm_logit": {"en": "Logit z", "zh": "Logit z"},
    "net.sm_shifted": {"en": "z − max z", "zh": "z − max z"},
    "net.sm_exp": {"en": "exp(z − max z)", "zh": "exp(z − max z)"},
    "net.sm_p": {"en": "Probability", "zh": "概率"},
    "net.filters_all": {"en": "{n} filters", "zh": "{n} 个滤波器"},
    # the overview: the whole network at a glance
    "net.tab_overview": {"en": "Overview", "zh": "总览"},
    "net.ov_intro": {
        "en": "The whole network for one input: a column per layer, every feature map a tile, the dense layers as "
              "bars, the ten probabilities at the end. Tiles of a column share one colour scale (red positive, "
              "blue negative), written under it with the shape. Click a tile to see how it was computed.",
        "zh": "一个输入经过整个网络的样子：每层一列，每张特征图一块小图，全连接层画成条形，最后是十个概率。同一列的小图共用一个色标"
              "（红为正，蓝为负），写在列下方，并附上形状。点击一块小图即可查看它是怎样算出来的。",
    },
    "net.ov_input": {"en": "Input", "zh": "输入"},
    "net.ov_unusable": {
        "en": "The layer table cannot work as it is: the Architecture tab says which layer and why.",
        "zh": "当前的层表格无法运行：“网络结构”页会指出是哪一层以及原因。",
    },
    "net.ov_output": {"en": "Probabilities", "zh": "概率"},
    "net.ov_range": {"en": "±{scale}", "zh": "±{scale}"},
    "net.ov_untrained": {
        "en": "Untrained: random weights. Train it on the Training tab to see what it learns.",
        "zh": "尚未训练：权重是随机的。在“训练”页训练后，看看它学到了什么。",
    },
    "net.ov_state": {"en": "Weights", "zh": "权重"},
    "net.ov_state.trained": {"en": "After training", "zh": "训练后"},
    "net.ov_state.untrained": {"en": "Before training", "zh": "训练前"},
    "net.ov_state.both": {"en": "Both, one above the other", "zh": "两者上下对照"},
    "net.ov_prediction": {"en": "Predicted: {digit} ({p} %)", "zh": "预测：{digit}（{p}%）"},
    # any unit explained
    "net.unit_title": {"en": "How one value was computed", "zh": "一个值是怎样算出来的"},
    "net.unit_layer": {"en": "Layer", "zh": "层"},
    "net.unit_channel": {"en": "Map (channel)", "zh": "特征图（通道）"},
    "net.unit_i": {"en": "Row", "zh": "行"},
    "net.unit_j": {"en": "Column", "zh": "列"},
    "net.unit_unit": {"en": "Unit", "zh": "单元"},
    "net.unit_probabilities": {"en": "{row}. softmax → probabilities", "zh": "{row}. softmax → 概率"},
    "net.unit_input": {"en": "Input channel {c}", "zh": "输入通道 {c}"},
    "net.unit_window": {"en": "Window", "zh": "窗口"},
    "net.unit_kernel": {"en": "Trained kernel", "zh": "训练得到的卷积核"},
    "net.unit_kernel_untrained": {"en": "Kernel (random, not trained yet)", "zh": "卷积核（随机初始值，尚未训练）"},
    "net.unit_products": {"en": "Products", "zh": "乘积"},
    "net.unit_channel_sum": {"en": "Input channel {c}: Σ products = {total}", "zh": "输入通道 {c}：Σ 乘积 = {total}"},
    "net.unit_more_channels": {
        "en": "… and {n} more input channels, whose sums add {total}.",
        "zh": "……还有 {n} 个输入通道，它们的和共为 {total}。",
    },
    "net.unit_conv_total": {
        "en": "Σ over the {n} input channels = {sum}; + bias {bias} = **{value}**",
        "zh": "对 {n} 个输入通道求和 = {sum}；+ 偏置 {bias} = **{value}**",
    },
    "net.unit_then_relu": {
        "en": "Then layer {row} (ReLU): max(0, {value}) = **{relu}**",
        "zh": "然后第 {row} 层（ReLU）：max(0, {value}) = **{relu}**",
    },
    "net.unit_pool": {
        "en": "The {mode} of the {k}×{k} window of map {c} = **{value}**",
        "zh": "特征图 {c} 中 {k}×{k} 窗口的{mode} = **{value}**",
    },
    "net.unit_pool.max": {"en": "largest value", "zh": "最大值"},
    "net.unit_pool.avg": {"en": "mean (padding counted)", "zh": "平均值（计入填充）"},
    "net.unit_batchnorm": {
        "en": "(x − running mean) / √(running var + ε) · γ + β = ({x} − {mean}) / √({var} + {eps}) · {gamma} + "
              "{beta} = **{value}**",
        "zh": "(x − 滑动均值) / √(滑动方差 + ε) · γ + β = ({x} − {mean}) / √({var} + {eps}) · {gamma} + {beta} "
              "= **{value}**",
    },
    "net.unit_relu": {"en": "max(0, {given}) = **{value}**", "zh": "max(0, {given}) = **{value}**"},
    "net.unit_identity": {
        "en": "Dropout is off when the network is used (it only acts during training): {given} passes unchanged.",
        "zh": "使用网络时 Dropout 是关闭的（它只在训练时起作用）：{given} 原样通过。",
    },
    "net.unit_flatten": {
        "en": "Cell (map {c}, row {i}, column {j}) of the {shape} maps becomes entry {index} = {c}·{hw} + {i}·{w} + "
              "{j} of the vector: **{value}**. In code this is `x.view(batch, -1)`: −1 asks PyTorch to work out "
              "that size itself, here {shape} = {size} per image.",
        "zh": "{shape} 特征图中的单元（特征图 {c}，第 {i} 行，第 {j} 列）成为向量的第 {index} 项 = {c}·{hw} + {i}·{w} + {j}："
              "**{value}**。代码里就是 `x.view(batch, -1)`：−1 让 PyTorch 自己算出这一维的大小，这里每张图像是 {shape} = {size}。",
    },
    "net.unit_linear": {
        "en": "Σₖ wₖ·xₖ over {n} inputs + bias: the {top} largest terms, then the rest.",
        "zh": "对 {n} 个输入求 Σₖ wₖ·xₖ 再加偏置：先列出最大的 {top} 项，再是其余各项。",
    },
    "net.unit_k": {"en": "Input k", "zh": "输入 k"},
    "net.unit_w": {"en": "Weight wₖ", "zh": "权重 wₖ"},
    "net.unit_x": {"en": "Input xₖ", "zh": "输入 xₖ"},
    "net.unit_wx": {"en": "wₖ·xₖ", "zh": "wₖ·xₖ"},
    "net.unit_linear_total": {
        "en": "Those {top} terms + the other {rest_count} ({rest}) + bias {bias} = **{value}**",
        "zh": "这 {top} 项 + 其余 {rest_count} 项（{rest}）+ 偏置 {bias} = **{value}**",
    },
    "net.unit_residual": {
        "en": "H(x) = ReLU(F(x) + x′) = ReLU({F} + {skip}) = **{value}**: the block's path F and its input (through "
              "the 1×1 projection where the channels change).",
        "zh": "H(x) = ReLU(F(x) + x′) = ReLU({F} + {skip}) = **{value}**：块内的路径 F 加上它的输入（通道数改变时经过 1×1 投影）。",
    },
    "net.unit_inception": {
        "en": "Channel {c} of the concatenation comes from branch {branch} ({name}): **{value}**",
        "zh": "拼接结果的第 {c} 个通道来自第 {branch} 个分支（{name}）：**{value}**",
    },
    "net.agrees": {
        "en": "Computed by hand: {value}; the network's own activation, read with a forward hook: {actual}. The same.",
        "zh": "手算结果：{value}；用前向钩子读出的网络自身激活值：{actual}。两者相同。",
    },
    "net.disagrees": {
        "en": "Computed by hand: {value}, but the network's activation is {actual}. Please report this.",
        "zh": "手算结果为 {value}，但网络的激活值是 {actual}。请报告此问题。",
    },
    "net.unit_slide": {
        "en": "Input channel {c} with this kernel, across the nearby positions (its part of the sum only):",
        "zh": "输入通道 {c} 与这个卷积核在附近各位置上的计算（只是它在总和中的那一部分）：",
    },
    # why this prediction
    "net.why_title": {"en": "Why this prediction?", "zh": "为什么这样预测？"},
    "net.why_class": {"en": "Explain the class", "zh": "要解释的类别"},
    "net.why_predicted": {"en": "The prediction", "zh": "预测结果"},
    "net.why_explaining": {"en": "Explaining **{digit}** ({p} %), the network's prediction.",
                           "zh": "正在解释 **{digit}**（{p} %），即网络的预测结果。"},
    "net.why_explaining_other": {"en": "Explaining **{digit}** ({p} %); the network predicts **{best}**.",
                                 "zh": "正在解释 **{digit}**（{p} %）；网络预测的是 **{best}**。"},
    "net.why_patch": {"en": "Occlusion patch", "zh": "遮挡块大小"},
    "net.why_saliency": {"en": "Saliency", "zh": "显著图"},
    "net.why_gradcam": {"en": "Grad-CAM", "zh": "Grad-CAM"},
    "net.why_occlusion": {"en": "Occlusion", "zh": "遮挡"},
    "net.why_saliency_note": {
        "en": "|∂ logit / ∂ pixel|: how much nudging each pixel would move the score of {digit}.",
        "zh": "|∂ logit / ∂ 像素|：轻微改变每个像素会让 {digit} 的分数变化多少。",
    },
    "net.why_gradcam_note": {
        "en": "Layer {row}'s maps weighted by the mean gradient of the score of {digit} over each map, summed, "
              "negatives dropped, enlarged to {size}: where that layer saw evidence for {digit}.",
        "zh": "第 {row} 层的各特征图按 {digit} 的分数对该图梯度的平均值加权、求和、去掉负值，再放大到 {size}：该层在哪里看到了 {digit} 的证据。",
    },
    "net.why_occlusion_note": {
        "en": "A grey {k}×{k} patch slid over the input ({n} positions, one batched pass): how much the probability "
              "of {digit} drops where it covers.",
        "zh": "一块 {k}×{k} 的灰色遮挡块在输入上滑动（{n} 个位置，一次批量计算）：遮住某处时 {digit} 的概率下降多少。",
    },
    "net.why_legend": {
        "en": "Overlaid on the input in orange: transparent is 0, full orange is the largest value ({top}).",
        "zh": "以橙色叠加在输入上：透明为 0，最深的橙色为最大值（{top}）。",
    },
    "net.why_no_conv": {"en": "No convolution in this stack: Grad-CAM needs one.", "zh": "这个网络没有卷积层：Grad-CAM 需要卷积层。"},
    "net.why_before": {"en": "Before training", "zh": "训练前"},
    "net.why_after": {"en": "After training", "zh": "训练后"},
    "net.inside_input": {
        "en": "The input chosen on the Overview tab:",
        "zh": "在“总览”页选择的输入：",
    },
    "net.code_title": {"en": "The network as PyTorch code", "zh": "用 PyTorch 代码表示的网络"},
    "net.code_note": {"en": "The table as an nn.Module class (plain PyTorch: paste it into a notebook; it computes what "
                              "this page computes with the same weights).",
                      "zh": "把上表写成一个 nn.Module 类（纯 PyTorch：可直接粘贴到笔记本中；权重相同时，它的计算结果与本页相同）。"},
    "net.init_note": {
        "en": "How the first layer's weights start: PyTorch draws them uniformly from ±1/√fan_in = ±{bound} "
              "(fan_in = {fan_in} inputs per unit), a standard deviation of {std} here; the notes instead draw "
              "them from a normal distribution with `weight_init_std=0.01`. Too small a start makes every unit "
              "alike and the signal fade through the layers; PyTorch's scale keeps it about the same size.",
        "zh": "第一层权重的初始值：PyTorch 从 ±1/√fan_in = ±{bound} 中均匀抽取（每个单元有 fan_in = {fan_in} 个输入），"
              "这里的标准差为 {std}；讲义则从 `weight_init_std=0.01` 的正态分布中抽取。初始值太小会让各单元几乎一样，信号也会"
              "一层层减弱；PyTorch 的尺度让信号大致保持原来的大小。",
    },
    "net.backward_title": {"en": "The backward pass, from the score back to the input",
                           "zh": "反向传播：从分数一直传回输入"},
    "net.backward_note": {
        "en": "Backpropagation starts with dout = 1 at the score of **{name}** and hands a gradient from layer to "
              "layer in reverse, {n} layers down to the input: each multiplies what it receives by its own local "
              "derivative (a ReLU passes it only where its input was positive, max pooling only to each window's "
              "maximum, a convolution spreads it back over its windows). Below, for each layer, the gradient of "
              "the score with respect to that layer's output, as torch's autograd computes it.",
        "zh": "反向传播从 **{name}** 的分数处 dout = 1 开始，把梯度逐层反向传递，经过 {n} 层一直传到输入：每一层都把收到的梯度乘以"
              "自己的局部导数（ReLU 只在输入为正处让它通过，最大池化只传给每个窗口的最大值，卷积把它按窗口散回去）。下表是每一层"
              "输出相对于该分数的梯度，由 torch 的自动求导算出。",
    },
    "net.backward_layer": {"en": "Layer (last first)", "zh": "层（从最后一层起）"},
    "net.backward_shape": {"en": "Gradient shape", "zh": "梯度形状"},
    "net.backward_mean": {"en": "Mean |gradient|", "zh": "|梯度| 的平均值"},
    "net.backward_max": {"en": "Largest |gradient|", "zh": "|梯度| 的最大值"},
    "net.ov_tile": {"en": "{name} · {n}: values from {lo} to {hi} (click for one value's arithmetic)",
                    "zh": "{name} · {n}：数值从 {lo} 到 {hi}（点击查看某个值的计算过程）"},
    # What units look for (explorer/ui/network/units_tab.py)
    "net.tab_units": {"en": "What units look for", "zh": "单元在找什么"},
    "net.lu_first": {"en": "Train the network first (the Training tab): then this tab shows what each of its units "
                           "looks for.", "zh": "请先训练网络（训练标签页）：之后这里会显示每个单元在寻找什么。"},
    "net.lu_intro": {"en": "A unit is one channel of a layer (its response to a picture: the largest value in its "
                           "map) or one number of a dense layer. Below: the digits that excite it most, cut to "
                           "what it saw, and a picture made to excite it.",
                     "zh": "一个单元是某层的一个通道（它对图片的响应：特征图中的最大值），或全连接层的一个数。下面是最能激活它的"
                           "数字（裁剪到它看到的区域），以及为激活它而生成的图片。"},
    "net.lu_intro.own": {"en": "A unit is one channel of a layer (its response to a picture: the largest value in "
                               "its map) or one number of a dense layer. Below: your pictures that excite it most, "
                               "cut to what it saw, and a picture made to excite it.",
                         "zh": "一个单元是某层的一个通道（它对图片的响应：特征图中的最大值），或全连接层的一个数。下面是最能激活它的"
                               "你的图片（裁剪到它看到的区域），以及为激活它而生成的图片。"},
    "net.lu_layer": {"en": "Layer", "zh": "层"},
    "net.lu_unit": {"en": "Unit (1–{n})", "zh": "单元（1–{n}）"},
    "net.lu_set": {"en": "Pictures", "zh": "图片"},
    "net.lu_set.train": {"en": "Training", "zh": "训练集"},
    "net.lu_set.val": {"en": "Validation", "zh": "验证集"},
    "net.lu_count": {"en": "How many", "zh": "数量"},
    "net.lu_class": {"en": "In the last layer each unit is a class's score: this one is **{name}**.",
                     "zh": "最后一层的每个单元是一个类别的分数：这个是 **{name}**。"},
    "net.lu_top": {"en": "The {n} that excite it most, cut to what it saw (its largest value under each)",
                   "zh": "最能激活它的 {n} 张，裁剪到它看到的区域（下方是它的最大值）"},
    "net.lu_field": {"en": "Each crop is the receptive field ({side} × {side} pixels at most) of the place where the "
                           "unit's map was largest; below, that place outlined on the whole picture.",
                     "zh": "每个裁剪是该单元特征图最大值所在位置的感受野（最多 {side} × {side} 像素）；下方是整张图片，"
                           "并框出了这个区域。"},
    "net.lu_where": {"en": "at row {row}, column {col}", "zh": "第 {row} 行，第 {col} 列"},
    "net.lu_weakest": {"en": "The ones that excite it least", "zh": "最不能激活它的图片"},
    "net.lu_dead": {"en": "This unit is never above zero on these pictures: it has died (a ReLU that never "
                          "opens), so nothing excites it.",
                    "zh": "这个单元在这些图片上从未大于零：它已经“死亡”（一个从不打开的 ReLU），没有图片能激活它。"},
    "net.lu_opt_title": {"en": "A picture made to excite it", "zh": "为激活它而生成的图片"},
    "net.lu_opt_note": {"en": "Start from noise and change the picture, step by step, in the direction that raises "
                              "the unit (gradient ascent on the input, the weights fixed). The network sees "
                              "{side} × {side} pixels, shown enlarged. Without regularisers the result is a pattern "
                              "no real picture has; with them (each step sees the picture shifted, scaled and "
                              "turned a little; rough or extreme pixels cost) it shows what the unit looks for.",
                        "zh": "从噪声开始，一步一步地朝着让该单元变大的方向修改图片（对输入做梯度上升，权重固定不变）。网络看到的是 "
                              "{side} × {side} 像素，这里放大显示。不加正则化时，结果是任何真实图片都没有的图案；加上正则化（每一步都把"
                              "图片稍微平移、缩放、旋转；粗糙或极端的像素要付出代价）后，就能看出这个单元在找什么。"},
    "net.lu_steps": {"en": "Steps", "zh": "步数"},
    "net.lu_strength": {"en": "Regularisers' strength", "zh": "正则化强度"},
    "net.lu_strength_help": {"en": "How much rough or extreme pixels cost, against how much the unit rises.",
                             "zh": "粗糙或极端的像素代价有多大，与单元上升多少之间的权衡。"},
    "net.lu_every": {"en": "Every unit of the layer", "zh": "这一层的所有单元"},
    "net.lu_make": {"en": "Make the pictures", "zh": "生成图片"},
    "net.lu_make_help": {"en": "Two optimisations, without and with regularisers: a second or two.",
                         "zh": "两次优化，分别不加和加正则化：大约一两秒。"},
    "net.lu_making": {"en": "Climbing the unit…", "zh": "正在让单元变大…"},
    "net.lu_plain": {"en": "Without regularisers", "zh": "不加正则化"},
    "net.lu_smooth": {"en": "With regularisers", "zh": "加正则化"},
    "net.lu_reached": {"en": "The unit: {value}", "zh": "单元的值：{value}"},
    "net.lu_ratio": {"en": "({times}× the best picture of the set)", "zh": "（数据集中最佳图片的 {times} 倍）"},
    "net.lu_field_only": {"en": "What its centre place sees", "zh": "中心位置看到的区域"},
    "net.lu_path": {"en": "On the way (with regularisers):", "zh": "过程中（加正则化）："},
    "net.lu_step": {"en": "step {n}", "zh": "第 {n} 步"},
    "net.lu_all": {"en": "All {n} units of the layer, with regularisers (the unit's value under each)",
                   "zh": "这一层全部 {n} 个单元，加正则化（下方是单元的值）"},
    "net.lu_some": {"en": "{n} of the layer's {total} units (one optimisation takes at most that many), with "
                          "regularisers (the unit's value under each)",
                    "zh": "这一层 {total} 个单元中的 {n} 个（一次优化最多处理这么多），加正则化（下方是单元的值）"},
    "net.sc_title": {"en": "Do these explanations explain the network? A sanity check",
                     "zh": "这些解释真的在解释网络吗？合理性检验"},
    "net.sc_note": {"en": "The Overview's input, explained for the class the network chose (**{name}**). Then the "
                          "trained weights are re-drawn at random, the top layer first, then the ones below "
                          "(Adebayo et al., 2018): a map that does not change while the network is destroyed "
                          "shows the picture, not the model. ρ: how alike each map is to the trained network's "
                          "(Spearman's rank correlation: 1 the same, 0 unrelated).",
                    "zh": "对概览中的输入、针对网络选择的类别（**{name}**）进行解释。然后把训练好的权重随机重新生成：先是最顶层，"
                          "再往下逐层（Adebayo 等，2018）。如果网络被破坏而解释图不变，那它显示的是图片本身，而不是模型。"
                          "ρ：每张图与训练好的网络的图有多相似（Spearman 秩相关：1 表示相同，0 表示无关）。"},
    "net.sc_running": {"en": "Re-drawing the layers and explaining again…", "zh": "正在重新生成各层并再次解释…"},
    "net.sc_method.saliency": {"en": "Saliency", "zh": "显著图"},
    "net.sc_method.grad_cam": {"en": "Grad-CAM", "zh": "Grad-CAM"},
    "net.sc_method.picture": {"en": "The class's optimised picture", "zh": "该类别的优化图片"},
    "net.sc_method.edges": {"en": "Control: the picture's edges (no network)", "zh": "对照：图片的边缘（不用网络）"},
    "net.sc_changes": {"en": "changes when the weights go: it explains this network",
                       "zh": "权重被破坏后会改变：它在解释这个网络"},
    "net.sc_same": {"en": "does not change when the weights go: it is not explaining the network",
                    "zh": "权重被破坏后几乎不变：它并没有在解释网络"},
    "net.sc_trained": {"en": "trained", "zh": "训练好的"},
    "net.sc_step": {"en": "layer {row} and up re-drawn · ρ = {rho}", "zh": "第 {row} 层及以上重新生成 · ρ = {rho}"},
    "net.confusion_click": {"en": "Click a cell to list its images.", "zh": "点击一个格子，列出其中的图片。"},
    "net.cell_title": {"en": "{n} test images of {true} read as {guess}", "zh": "{n} 张 {true} 的测试图片被认成 {guess}"},
    "net.cell_more": {"en": "The first {n}:", "zh": "前 {n} 张："},
    "net.cell_image": {"en": "test image {n}", "zh": "测试图片 {n}"},
    "net.cell_open": {"en": "Open", "zh": "打开"},
    "net.cell_open_help": {"en": "Show it on the Overview, with why the network chose what it chose.",
                           "zh": "在概览中显示它，以及网络为什么这样选择。"},
}
