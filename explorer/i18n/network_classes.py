"""Strings of the Network page's own classes (the "Your classes" tab, and the words that say class, not digit)."""

STRINGS = {
    # the data source, above the tabs
    "net.data.classes": {"en": "Your own classes", "zh": "你自己的类别"},
    "net.data_help": {
        "en": "What the network learns to tell apart: the handwritten digits that ship with the app, MNIST files "
              "you upload, or classes of your own photos.",
        "zh": "网络要学会区分什么：应用自带的手写数字、你上传的 MNIST 文件，或你自己照片组成的类别。",
    },
    "net.tab_classes": {"en": "Your classes", "zh": "你的类别"},
    # the tab
    "net.own_intro": {
        "en": "Make 2–6 classes (any names, in any language) and give each some photos: upload several at once, "
              "a ZIP with a folder per class, or camera snapshots. The example set (dots, rings, stripes) is "
              "loaded to start with. Everything stays in this browser session and is gone when you close it.",
        "zh": "建立 2–6 个类别（任意名字、任意语言），给每个类别一些照片：一次上传多张、上传每类一个文件夹的 ZIP，"
              "或用摄像头拍照。开始时已载入示例图像（圆点、圆环、条纹）。所有内容只保存在这次浏览器会话中，关闭后即消失。",
    },
    "net.own_example": {"en": "Example set", "zh": "示例图像"},
    "net.own_example.dots": {"en": "dots", "zh": "圆点"},
    "net.own_example.rings": {"en": "rings", "zh": "圆环"},
    "net.own_example.stripes": {"en": "stripes", "zh": "条纹"},
    "net.own_example_loaded": {"en": "The example set is loaded: dots, rings and stripes, 100 images each.",
                               "zh": "已载入示例图像：圆点、圆环和条纹，各 100 张。"},
    "net.own_empty": {"en": "Start empty", "zh": "从空白开始"},
    "net.own_emptied": {"en": "Two empty classes: rename them and add images.",
                        "zh": "已建立两个空类别：请重命名并添加图像。"},
    "net.own_default_name": {"en": "Class {n}", "zh": "类别 {n}"},
    "net.own_download": {"en": "Download set (ZIP)", "zh": "下载图像集（ZIP）"},
    "net.own_download_help": {
        "en": "A folder per class of PNG files, the images as stored here (64×64): the same format the upload "
              "takes, so a teacher can prepare a set once and hand it out.",
        "zh": "每个类别一个文件夹，其中是 PNG 文件，即这里保存的图像（64×64）：与上传时接受的格式相同，"
              "老师可以准备一次图像集然后发给全班。",
    },
    "net.own_zip": {"en": "Open a set (ZIP, a folder per class)", "zh": "打开图像集（ZIP，每个类别一个文件夹）"},
    "net.own_zip_help": {
        "en": "It replaces the classes here. Folders such as __MACOSX and hidden files are skipped; at most "
              "{per_class} images per class and {total} in all are kept.",
        "zh": "它会替换这里现有的类别。__MACOSX 之类的文件夹和隐藏文件会被跳过；每个类别最多保留 {per_class} 张，"
              "总共最多 {total} 张。",
    },
    "net.own_zip_loaded": {"en": "Loaded {n} images in {k} classes from {name}.",
                           "zh": "已从 {name} 载入 {k} 个类别共 {n} 张图像。"},
    "net.own_added": {"en": "Added {n} images to {name}.", "zh": "已向 {name} 添加 {n} 张图像。"},
    "net.own_deleted": {"en": "The class {name} was deleted.", "zh": "类别 {name} 已删除。"},
    "net.own_removed": {"en": "Removed {n} images from {name}.", "zh": "已从 {name} 移除 {n} 张图像。"},
    "net.own_problems": {"en": "{n} not used:", "zh": "{n} 项未被使用："},
    "net.own_count": {"en": "{n} images (at most {limit})", "zh": "{n} 张图像（最多 {limit} 张）"},
    "net.own_count_one": {"en": "1 image (at most {limit})", "zh": "1 张图像（最多 {limit} 张）"},
    "net.own_files": {"en": "Add images to {name}", "zh": "向 {name} 添加图像"},
    "net.own_no_images": {"en": "No images yet: drop some on the box above.", "zh": "还没有图像：请把图像拖到上面的框中。"},
    "net.own_page": {"en": "Page (of {pages})", "zh": "页码（共 {pages} 页）"},
    "net.own_edit": {"en": "Rename, remove images, delete", "zh": "重命名、移除图像、删除"},
    "net.own_name": {"en": "Name", "zh": "名字"},
    "net.own_remove": {"en": "Images to remove (their numbers)", "zh": "要移除的图像（编号）"},
    "net.own_remove_placeholder": {"en": "Choose numbers", "zh": "选择编号"},
    "net.own_remove_button": {"en": "Remove chosen", "zh": "移除所选"},
    "net.own_delete": {"en": "Delete this class", "zh": "删除这个类别"},
    "net.own_new": {"en": "New class", "zh": "新类别"},
    "net.own_new_placeholder": {"en": "its name, e.g. cups", "zh": "它的名字，例如 杯子"},
    "net.own_add": {"en": "Add class", "zh": "添加类别"},
    "net.own_full": {"en": "{limit} classes: the most a set can have.", "zh": "{limit} 个类别：已达上限。"},
    "net.own_camera": {"en": "Take photos with the camera", "zh": "用摄像头拍照"},
    "net.own_camera_help": {
        "en": "Each snapshot goes into the class chosen beside the camera, and the camera is ready for the next "
              "one at once. The browser asks for permission first.",
        "zh": "每张快照都放入摄像头旁边所选的类别，随后摄像头立即可以拍下一张。浏览器会先请求权限。",
    },
    "net.own_camera_class": {"en": "Snapshots go into", "zh": "快照放入"},
    "net.own_camera_take": {"en": "Take a snapshot", "zh": "拍一张快照"},
    "net.own_snapshot": {"en": "camera snapshot", "zh": "摄像头快照"},
    "net.own_seen_title": {"en": "What the network will see", "zh": "网络将看到什么"},
    "net.own_size": {"en": "Input size (pixels)", "zh": "输入尺寸（像素）"},
    "net.own_colour": {"en": "Colour (off: grey)", "zh": "彩色（关闭：灰度）"},
    "net.own_augment": {"en": "Augmentation", "zh": "数据增强"},
    "net.own_augment_help": {
        "en": "At every training step each image is shifted by up to 10 % of its side, flipped left to right "
              "half the time, turned by up to 15° and made up to 20 % lighter or darker and more or less "
              "contrasted: a few dozen photos look like many more.",
        "zh": "每个训练步中，每张图像随机平移至多边长的 10%，一半概率左右翻转，旋转至多 15°，亮度和对比度改变至多 20%："
              "几十张照片就像多了很多张。",
    },
    "net.own_preview": {"en": "Twelve training images, as one training step gives them to the network",
                        "zh": "十二张训练图像，即一个训练步交给网络的样子"},
    "net.own_preview_again": {"en": "Other images", "zh": "换一批图像"},
    "net.own_preview_note": {
        "en": "Squared, resized and augmented: no two epochs show an image the same way.{grey}",
        "zh": "裁成正方形、缩放并做了增强：每一轮看到的同一张图像都不一样。{grey}",
    },
    "net.own_preview_plain": {
        "en": "Squared and resized, without augmentation: every epoch shows the same pixels.{grey}",
        "zh": "裁成正方形并缩放，没有增强：每一轮看到的像素都相同。{grey}",
    },
    "net.own_grey_note": {"en": " In grey: one channel, 0.299 R + 0.587 G + 0.114 B.",
                          "zh": " 灰度：一个通道，0.299 R + 0.587 G + 0.114 B。"},
    "net.own_split": {
        "en": "**{train}** images for training, **{val}** kept apart for validation (the same fifth of every "
              "class, at least one each: {each}). The network never learns from the validation images.",
        "zh": "**{train}** 张用于训练，**{val}** 张留作验证（每个类别都取同样的五分之一，至少一张：{each}）。"
              "网络从不从验证图像中学习。",
    },
    "net.own_few": {
        "en": "Only {fewest} validation images in the smallest class: one image more or less right moves the "
              "validation accuracy by {step} %, so take it as a rough number. With {images} or more images per "
              "class each class keeps at least {want} for validation.",
        "zh": "最小的类别只有 {fewest} 张验证图像：多认对或认错一张，验证准确率就变化 {step}%，所以它只是个粗略的数。"
              "每个类别有 {images} 张或更多图像时，每个类别至少留下 {want} 张用于验证。",
    },
    "net.own_few_short": {
        "en": "Few validation images ({fewest} in the smallest class): the validation accuracy is a rough number.",
        "zh": "验证图像很少（最小的类别只有 {fewest} 张）：验证准确率只是个粗略的数。",
    },
    "net.own_sizes": {"en": "{train} training images, {val} for validation (see the Your classes tab).",
                      "zh": "{train} 张训练图像，{val} 张用于验证（见“你的类别”页）。"},
    # trying it
    "net.input.val": {"en": "Validation image", "zh": "验证图像"},
    "net.input.upload": {"en": "Photo", "zh": "照片"},
    "net.input.camera": {"en": "Camera", "zh": "摄像头"},
    "net.own_index": {"en": "Validation image number", "zh": "验证图像编号"},
    "net.own_photo": {"en": "A photo to classify", "zh": "要分类的照片"},
    "net.own_photo_help": {"en": "Squared and resized like the training images; the network sees what is shown.",
                           "zh": "像训练图像一样裁成正方形并缩放；网络看到的就是显示的样子。"},
    # training
    "net.overfitting": {
        "en": "Overfitting: {train} % right on the training images, {val} % on validation. The network is "
              "learning these particular images rather than the classes; the validation loss was lowest after "
              "epoch {best}.",
        "zh": "过拟合：训练图像上 {train}% 正确，验证图像上 {val}%。网络在记住这些具体的图像，而不是学会类别；"
              "验证损失在第 {best} 轮之后最低。",
    },
    "net.overfitting_help": {"en": "More images, augmentation or fewer epochs help.",
                             "zh": "更多图像、数据增强或更少的训练轮数会有帮助。"},
    "net.overfitting_augmented": {
        "en": "More images, or fewer epochs, help. (With augmentation the training accuracy is measured on "
              "changed images, so it can also be below validation.)",
        "zh": "更多图像或更少的训练轮数会有帮助。（有数据增强时，训练准确率是在改变过的图像上测得的，所以也可能低于验证准确率。）",
    },
    "net.why_occlusion_stride": {
        "en": "A grey {k}×{k} square slides over the input {stride} pixels at a time ({n} positions, computed in "
              "one batch): how much the probability of {digit} drops where it covers.",
        "zh": "一块 {k}×{k} 的灰色遮挡块在输入上每次移动 {stride} 个像素（{n} 个位置，一次批量计算）：遮住某处时 "
              "{digit} 的概率下降多少。",
    },
    # the words that say "digit" for the digits, and "class" here
    "net.arch_intro.own": {
        "en": "The same presets as for the digits, built for your input: the first layer takes its channels "
              "(3 colour, 1 grey), the dense layer after the flatten takes whatever size the layers before give, "
              "and the last layer gives one number per class. Edit the table as you like.",
        "zh": "与数字相同的预设，按你的输入构建：第一层接收它的通道数（彩色 3，灰度 1），展平之后的全连接层接收前面各层给出的任何大小，"
              "最后一层为每个类别给出一个数。表格可以随意编辑。",
    },
    "net.big_parts.own": {
        "en": "① The convolution and pooling part (layers {features}) extracts features from the picture; ② the "
              "fully connected part (layer {classifier}) classifies them into your {n} classes.",
        "zh": "① 卷积和池化部分（第 {features} 层）从图像中提取特征；② 全连接部分（第 {classifier} 层）把它们分类为你的 {n} 个类别。",
    },
    "net.train_intro.own": {
        "en": "Train the network from the Architecture tab on your classes. Loss and accuracy are drawn after "
              "every epoch for the training images and for the validation images the network never learns from.",
        "zh": "用你的类别训练“网络结构”页中的网络。每轮之后画出训练图像和验证图像（网络从不从中学习）上的损失和准确率。",
    },
    "net.not_trained.own": {
        "en": "Not trained yet: press Train (the example set takes a few seconds on a laptop CPU).",
        "zh": "尚未训练：请按“开始训练”（示例图像在笔记本 CPU 上只需几秒）。",
    },
    "net.test_acc.own": {"en": "Validation accuracy", "zh": "验证准确率"},
    "net.test_detail.own": {"en": "on {n} validation images, loss {loss}", "zh": "在 {n} 张验证图像上，损失 {loss}"},
    "net.upload_help.own": {
        "en": "A safetensors file saved here for these classes: its class names, input size and colour must "
              "match this set, and its layers the Architecture tab. Nothing in it is executed.",
        "zh": "在这里为这些类别保存的 safetensors 文件：其中的类别名、输入尺寸和颜色必须与这组图像一致，各层必须与"
              "“网络结构”页一致。文件中的任何内容都不会被执行。",
    },
    "net.no_input.own": {"en": "Choose a validation image, a photo or a snapshot to see it go through the network.",
                         "zh": "选择一张验证图像、照片或快照，看它如何穿过网络。"},
    "net.ov_intro.own": {
        "en": "The whole network for one input: a column per layer, every feature map a tile, the dense layers as "
              "bars, the probability of each class at the end. Tiles of a column share one colour scale (red "
              "positive, blue negative), written under it with the shape. Click a tile to see how it was computed.",
        "zh": "一个输入下的整个网络：每层一列，每张特征图一块，全连接层画成条，最后是每个类别的概率。同一列的图块共用一个颜色刻度"
              "（红为正，蓝为负），刻度和形状写在列下方。点击一块，看它是如何算出来的。",
    },
    "net.softmax_note.own": {
        "en": "The last layer gives {n} scores (logits) z, one per class. Softmax: pᵢ = exp(zᵢ − max z) / "
              "Σ exp(z − max z) (subtracting the largest score changes nothing and keeps exp from overflowing). "
              "The sum of the exps is {total}; the probabilities add up to {sum}; the largest logit, {best}, wins.",
        "zh": "最后一层给出 {n} 个分数（logits）z，每个类别一个。Softmax：pᵢ = exp(zᵢ − max z) / Σ exp(z − max z)"
              "（减去最大分数不改变结果，还能防止 exp 溢出）。各 exp 之和为 {total}；概率之和为 {sum}；最大的 logit，{best}，胜出。",
    },
    "net.intro.own": {
        "en": "A convolutional network for classes of your own photos: make the classes, train a network on them "
              "in this page, then see it think: the whole net at a glance, any value's arithmetic, why it chose.",
        "zh": "一个识别你自己照片类别的卷积网络：建立类别，在本页用它们训练网络，然后看它如何思考：一眼看全整个网络、"
              "任何一个值的算术、它为什么这样选择。",
    },
    "net.softmax_title.own": {"en": "Softmax: from scores to probabilities", "zh": "Softmax：从分数到概率"},
    "net.sm_digit.own": {"en": "Class", "zh": "类别"},
    "net.digit.own": {"en": "class", "zh": "类别"},
    "net.input_title.own": {"en": "One image through the network", "zh": "一张图像穿过网络"},
    "net.relu_note.own": {
        "en": "Layer {layer} (ReLU) keeps the positive values and sets the negative ones to 0: {zeroed} of "
              "{total} values ({share} %) became 0 for this image. Map {channel} before and after, on one scale "
              "(red positive, blue negative):",
        "zh": "第 {layer} 层（ReLU）保留正值，把负值设为 0：这张图像的 {total} 个值中有 {zeroed} 个（{share}%）变成了 0。"
              "第 {channel} 张特征图的前后对比，用同一刻度（红为正，蓝为负）：",
    },
    "net.filters_note.own": {
        "en": "Before training they are random noise; training turns them into the patterns this network found "
              "useful for your classes, often edges, colours and textures (colour inputs: one small picture per "
              "filter, its three channels as R, G and B).",
        "zh": "训练前它们是随机噪声；训练把它们变成了这个网络对你的类别有用的图案，常常是边缘、颜色和纹理"
              "（彩色输入：每个滤波器一张小图，它的三个通道作为 R、G、B）。",
    },
    "net.test_title.own": {"en": "On all the validation images", "zh": "在全部验证图像上"},
    "net.confusion.own": {"en": "Confusion matrix (row: true class, column: predicted)",
                          "zh": "混淆矩阵（行：真实类别，列：预测）"},
    "net.mistakes_none": {"en": "All {total} test digits are read correctly.", "zh": "全部 {total} 个测试数字都认对了。"},
    "net.mistakes_none.own": {"en": "All {total} validation images are classified correctly.",
                              "zh": "全部 {total} 张验证图像都分对了。"},
    "net.mistakes.own": {"en": "{n} of {total} validation images are misclassified:",
                         "zh": "{total} 张验证图像中有 {n} 张被分错："},
    "net.own_alt": {"en": "{name}, picture {n}", "zh": "{name}，第 {n} 张图"},
}
