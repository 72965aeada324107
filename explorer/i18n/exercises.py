"""Strings of the questions (explorer.exercises): prompts, worked solutions, verdicts and the named mistakes."""
STRINGS: dict[str, dict[str, str]] = {
    "page.check_yourself.title": {"en": "Check yourself", "zh": "自我检测"},
    "page.check_yourself.blurb": {
        "en": "Questions the app draws and checks: output sizes, one value of a convolution or a pooling, receptive "
              "fields, parameters. A wrong answer gets the worked solution, and the mistake behind it named.",
        "zh": "由应用出题并批改：输出尺寸、卷积或池化的某个值、感受野、参数量。答错时给出完整解答，并指出错在哪里。"},
    "ex.intro": {
        "en": "Pick a kind of question and a level, answer, and press **Check**. Each question has a number: the "
              "same kind, level and number give the same question, so you can send it to someone.",
        "zh": "选择题型和难度，作答后按 **检查**。每道题都有编号：题型、难度和编号相同，题目就相同，可以发给别人。"},
    "ex.kind": {"en": "Kind of question", "zh": "题型"},
    "ex.panel": {"en": "Check yourself", "zh": "自我检测"},
    "ws.mode": {"en": "Mode", "zh": "模式"},
    "ws.mode.practice": {"en": "Practise", "zh": "练习"},
    "ws.mode.worksheet": {"en": "Worksheet", "zh": "练习单"},
    "ws.mode.make": {"en": "Make a worksheet (teacher)", "zh": "制作练习单（教师）"},
    "ws.mode.class": {"en": "Join a class", "zh": "加入课堂"},
    "ws.mode.teach": {"en": "Start a class (teacher)", "zh": "开始课堂（教师）"},
    "ws.mode.board": {"en": "Class board", "zh": "课堂看板"},
    "live.start": {"en": "Start a class with these questions", "zh": "用这些题目开始课堂"},
    "live.start_help": {"en": "Students join with a short code and answer on their own screens; you see the class's "
                              "answers and mistakes live. Everyone gets the same numbers.",
                        "zh": "学生用一个短代码加入，在自己的屏幕上作答；你可以实时看到全班的答案和错误。所有人的题目数字相同。"},
    "live.pace": {"en": "How the class answers", "zh": "课堂作答方式"},
    "live.pace.sheet": {"en": "The whole sheet, each at their own pace", "zh": "整张练习单，各自按自己的节奏"},
    "live.pace.paced": {"en": "One question at a time: I move on", "zh": "一次一道题：由我决定何时下一题"},
    "live.pace_help": {"en": "One at a time: students see only the question you ask now; you pause answers to talk "
                             "about them and move on when you are ready.",
                       "zh": "一次一道题：学生只看到你现在提出的题；你可以暂停作答来讲解，准备好后再进入下一题。"},
    "live.now": {"en": "Question {n} of {of}", "zh": "第 {n} 题（共 {of} 题）"},
    "live.own_numbers": {"en": "Each student has their own numbers; here is the question with the sheet's.",
                          "zh": "每位学生的数字各不相同；这里显示的是练习单本身的数字。"},
    "live.answered_now": {"en": "Answered / joined", "zh": "已作答 / 已加入"},
    "live.taking": {"en": "taking answers", "zh": "正在收答案"},
    "live.paused_short": {"en": "paused", "zh": "已暂停"},
    "live.pause": {"en": "Pause answers", "zh": "暂停作答"},
    "live.resume": {"en": "Take answers again", "zh": "继续收答案"},
    "live.next": {"en": "Next question", "zh": "下一题"},
    "live.last": {"en": "This is the last question.", "zh": "这是最后一题。"},
    "live.student_now": {"en": "Question {n} of {of}, asked by your teacher. Right first time so far: {right} of "
                               "{answered}.",
                         "zh": "老师提出的第 {n} 题（共 {of} 题）。到目前为止一次答对：{answered} 题中 {right} 题。"},
    "live.paused": {"en": "Your teacher has paused the answers: answers given now are not counted. The next question "
                          "comes here by itself.",
                    "zh": "老师已暂停作答：现在提交的答案不计入。下一题会自动出现在这里。"},
    "live.moved_on": {"en": "Your teacher has moved on to question {n}: answers to the one before are no longer "
                            "counted.", "zh": "老师已进入第 {n} 题：上一题的答案不再计入。"},
    "live.code": {"en": "Class code: **{code}**", "zh": "课堂代码：**{code}**"},
    "live.board_link_help": {"en": "Your board, for the projector: this link holds your teacher key, keep it to "
                                   "yourself.", "zh": "你的看板（用于投影）：此链接包含教师密钥，请勿分享。"},
    "live.join_qr": {"en": "Scan to join", "zh": "扫码加入"},
    "live.wrong_key": {"en": "This board link is not valid: a wrong or old teacher key, or its class has ended.",
                        "zh": "这个看板链接无效：教师密钥错误或已过期，或者课堂已经结束。"},
    "live.store_away": {"en": "The class's store cannot be reached just now: try again in a moment.",
                        "zh": "暂时无法连接课堂的存储：请稍后再试。"},
    "live.board_link": {"en": "Your board link (keep it private)", "zh": "你的看板链接（请勿公开）"},
    "live.ended": {"en": "This class has ended.", "zh": "这个课堂已经结束。"},
    "live.joined": {"en": "Joined", "zh": "已加入"},
    "live.answers": {"en": "Answers", "zh": "答案数"},
    "live.hardest": {"en": "Most got wrong: question", "zh": "错得最多：第几题"},
    "live.right_share": {"en": "{share} right", "zh": "正确率 {share}"},
    "live.question_line": {"en": "**{n}.** {kind}: {answered} answered, {right} right",
                           "zh": "**{n}.** {kind}：{answered} 人作答，{right} 人正确"},
    "live.mistake_count": {"en": "{count} × {why}", "zh": "{count} 人：{why}"},
    "live.spread": {"en": "Answers given: {spread}", "zh": "各答案人数：{spread}"},
    "live.board_behind": {"en": "The class's store cannot be reached just now: this is the board as it last was; it "
                                "tries again every few seconds.",
                          "zh": "暂时无法连接课堂数据库：这是看板上一次的内容；每隔几秒会重试。"},
    "live.export": {"en": "Answers as CSV", "zh": "导出答案（CSV）"},
    "live.csv.nickname": {"en": "nickname", "zh": "昵称"},
    "live.csv.question": {"en": "question", "zh": "题目"},
    "live.csv.answer": {"en": "answer", "zh": "答案"},
    "live.csv.correct": {"en": "right", "zh": "是否正确"},
    "live.csv.mistake": {"en": "mistake", "zh": "错误"},
    "live.csv.time": {"en": "time", "zh": "时间"},
    "live.csv.yes": {"en": "yes", "zh": "是"},
    "live.csv.no": {"en": "no", "zh": "否"},
    "live.end": {"en": "End the class and delete its data", "zh": "结束课堂并删除数据"},
    "live.end_help": {"en": "The class, its students and their answers are deleted at once (they are deleted after "
                            "24 hours anyway).", "zh": "课堂、学生和答案会立即删除（24 小时后也会自动删除）。"},
    "live.code_box": {"en": "Class code", "zh": "课堂代码"},
    "live.nickname": {"en": "Nickname (optional)", "zh": "昵称（可选）"},
    "live.nickname_help": {"en": "Only your teacher sees it. No account, no e-mail.",
                           "zh": "只有老师能看到。不需要账号或邮箱。"},
    "live.join": {"en": "Join", "zh": "加入"},
    "live.slow_down": {"en": "Too many tries: wait a minute, then check the code with your teacher.",
                       "zh": "尝试次数太多：请等一分钟，再向老师核对代码。"},
    "live.joined_as": {"en": "In class {code}. Your answers go to your teacher's board; nobody else sees them.",
                       "zh": "已加入课堂 {code}。你的答案会发送到老师的看板，其他人看不到。"},
    "live.behind": {"en": "Your answer is kept here and will be sent again: the class's store cannot be reached "
                          "just now.", "zh": "你的答案已保存在这里，稍后会重新发送：暂时无法连接课堂数据库。"},
    "ws.settings": {"en": "This worksheet's settings", "zh": "本练习单的设置"},
    "ws.kinds": {"en": "Kinds of question, in turn", "zh": "题型（依次出题）"},
    "ws.count": {"en": "Questions", "zh": "题数"},
    "ws.seed": {"en": "Sheet no.", "zh": "练习单编号"},
    "ws.same": {"en": "Same numbers for everyone", "zh": "所有人题目相同"},
    "ws.same_help": {"en": "Off: each student gets questions of the same kinds with numbers of their own (no copying "
                           "answers); the printed answer key is for the sheet with everyone's numbers the same.",
                     "zh": "关闭时：每位学生得到相同题型、但数字各不相同的题目（无法照抄答案）；打印的答案只适用于所有人相同的练习单。"},
    "ws.about": {"en": "{n} questions, level {level}.", "zh": "共 {n} 道题，难度 {level}。"},
    "ws.own": {"en": "The numbers are your own: your neighbour's differ.", "zh": "这些数字是你独有的：同桌的不一样。"},
    "ws.question_n": {"en": "Question {n}", "zh": "第 {n} 题"},
    "ws.score": {"en": "Right first time on this sheet", "zh": "本练习单一次答对"},
    "ws.of": {"en": "of {n} questions", "zh": "共 {n} 道题"},
    "ws.lang": {"en": "Language of the link and the printed sheet", "zh": "链接和打印练习单的语言"},
    "ws.only_sheet": {"en": "Students see only the worksheet", "zh": "学生只看到练习单"},
    "ws.only_sheet_help": {"en": "The link hides the mode and the sheet's settings, so that students cannot switch "
                                 "to other questions.", "zh": "链接会隐藏模式和练习单设置，学生无法切换到其他题目。"},
    "ws.new_numbers": {"en": "New numbers", "zh": "换一组数字"},
    "ws.print": {"en": "Printable sheet (A4, with the answer key)", "zh": "可打印的练习单（A4，含答案）"},
    "ws.print_help": {"en": "An HTML page: open it and print it, or save it as PDF. The answer key with the worked "
                            "solutions starts on a new page.",
                      "zh": "一个 HTML 页面：打开后打印，或另存为 PDF。含解答过程的答案从新的一页开始。"},
    "ws.key": {"en": "Answer key", "zh": "答案"},
    "ws.key_line": {"en": "{question}: {answer}", "zh": "{question}：{answer}"},
    "ws.sheet_title": {"en": "CNN Explorer worksheet", "zh": "CNN Explorer 练习单"},
    "ws.name_line": {"en": "Name:", "zh": "姓名："},
    "ws.key_title": {"en": "Answer key and worked solutions", "zh": "答案与解答过程"},
    "ex.kind.conv_output_size": {"en": "Convolution: output size", "zh": "卷积：输出尺寸"},
    "ex.kind.pool_output_size": {"en": "Pooling: output size", "zh": "池化：输出尺寸"},
    "ex.kind.transposed_output_size": {"en": "Transposed convolution: output size", "zh": "转置卷积：输出尺寸"},
    "ex.kind.conv_value": {"en": "Convolution: one output value", "zh": "卷积：一个输出值"},
    "ex.kind.pool_value": {"en": "Pooling: one output value", "zh": "池化：一个输出值"},
    "ex.kind.pool_grid": {"en": "Pooling: the whole output", "zh": "池化：整个输出"},
    "ex.kind.transposed_value": {"en": "Transposed convolution: one output value", "zh": "转置卷积：一个输出值"},
    "ex.kind.receptive_field": {"en": "Receptive field and jump", "zh": "感受野与跳步"},
    "ex.kind.layer_params": {"en": "A layer's parameters", "zh": "一层的参数量"},
    "ex.kind.layer_macs": {"en": "A layer's multiply-adds", "zh": "一层的乘加次数"},
    "ex.kind.im2col_shape": {"en": "im2col: the matrix's shape", "zh": "im2col：矩阵的形状"},
    "ex.kind.which_kernel": {"en": "Which kernel made this picture?", "zh": "哪个卷积核得到了这张图？"},
    "ex.level": {"en": "Level", "zh": "难度"},
    "ex.level_help": {"en": "1: small numbers, square. 2: larger, with stride and padding. 3: non-square, "
                            "dilation, ceil mode, output padding.",
                      "zh": "1：小数字，正方形。2：更大，有步幅和填充。3：非正方形、空洞、ceil 模式、输出填充。"},
    "ex.seed": {"en": "Question no.", "zh": "题号"},
    "ex.seed_help": {"en": "The same kind, level and number always give the same question.",
                     "zh": "题型、难度和题号相同，题目就总是相同。"},
    "ex.another": {"en": "Another question", "zh": "换一道题"},
    "ex.input": {"en": "Input", "zh": "输入"},
    "ex.kernel": {"en": "Kernel", "zh": "卷积核"},
    "ex.picture": {"en": "Picture {letter}", "zh": "图 {letter}"},
    "ex.your_answer": {"en": "Your answer", "zh": "你的答案"},
    "ex.placeholder.number": {"en": "for example 12", "zh": "例如 12"},
    "ex.placeholder.pair": {"en": "for example 4, 5", "zh": "例如 4, 5"},
    "ex.placeholder.grid": {"en": "one row per line", "zh": "每行一行数字"},
    "ex.placeholder.choice": {"en": "A, B, C or D", "zh": "A、B、C 或 D"},
    "ex.check": {"en": "Check", "zh": "检查"},
    "ex.solution": {"en": "Worked solution", "zh": "解答过程"},
    "ex.show_me": {"en": "Show me on its page", "zh": "在相应页面上演示"},
    "ex.show_me_help": {"en": "Opens the page about this idea with the question's settings (on the Sliding Window: "
                              "its own numbers, to step through).",
                        "zh": "打开讲解这个概念的页面，并使用本题的设置（在滑动窗口页面上：用本题的数字逐步演示）。"},
    "ex.show_me_not": {"en": "No page takes these settings as they are (different height and width, or beyond its "
                             "ranges).", "zh": "没有页面能直接使用这些设置（高和宽不同，或超出页面的范围）。"},
    "ex.slow_down": {"en": "That is a lot of checks of one question in a minute: wait a little, then check again.",
                     "zh": "一分钟内检查同一道题的次数太多了：请稍等片刻再检查。"},
    "ex.score_kind": {"en": "Right first time: {kind}", "zh": "一次答对：{kind}"},
    "ex.score_all": {"en": "Right first time: all kinds", "zh": "一次答对：全部题型"},
    "err.ex_kind": {"en": "There is no question kind {kind!r}. Kinds: {allowed}.",
                    "zh": "没有题型 {kind!r}。可用题型：{allowed}。"},
    "err.ex_no_kinds": {"en": "Choose at least one kind of question.", "zh": "请至少选择一种题型。"},
    "err.ex_count": {"en": "A worksheet has 1 to {most} questions, not {count}.",
                     "zh": "一张练习单有 1 到 {most} 道题，而不是 {count}。"},
    "err.classroom_unknown": {"en": "There is no open class with the code {code}. Check the code with your teacher.",
                          "zh": "没有代码为 {code} 的进行中的课堂。请向老师核对代码。"},
    "err.classroom_full": {"en": "This class is full ({most} students).", "zh": "这个课堂已满（{most} 名学生）。"},
    "err.classroom_closed": {"en": "Your teacher is not taking answers to this question now, so this one was not "
                                   "counted. Your result is shown to you as always.",
                             "zh": "老师现在不收这道题的答案，所以这次作答没有计入。你的结果仍会照常显示给你。"},
    "err.ex_level": {"en": "The level must be 1, 2 or 3, not {level}.", "zh": "难度必须是 1、2 或 3，而不是 {level}。"},
    # how to write an answer (the text could not be read)
    "ex.how.number": {"en": "Write one number, for example `12`, `-3` or `2.5`.",
                      "zh": "请写一个数，例如 `12`、`-3` 或 `2.5`。"},
    "ex.how.pair": {"en": "Write two whole numbers, for example `4, 5` or `4x5`.",
                    "zh": "请写两个整数，例如 `4, 5` 或 `4x5`。"},
    "ex.how.grid": {"en": "Write one row per line, the numbers separated by spaces, for example `1 2` and `3 4`.",
                    "zh": "请每行写一行数字，用空格分隔，例如 `1 2` 和 `3 4`。"},
    "ex.how.choice": {"en": "Choose one of the pictures: A, B, C or D.", "zh": "请选择一张图：A、B、C 或 D。"},
    "ex.right": {"en": "Right.", "zh": "正确。"},
    "ex.wrong": {"en": "Not quite. The worked solution shows each step.", "zh": "不太对。下面的解答列出了每一步。"},
    "ex.wrong_because": {"en": "Not quite: {why}", "zh": "不太对：{why}"},
    # the named mistakes
    "ex.mistake.padding_once": {"en": "you added the padding once; it is added on both sides (2·p).",
                                "zh": "你只加了一次填充；填充在两侧都要加（2·p）。"},
    "ex.mistake.padding_ignored": {"en": "the padding was left out.", "zh": "你漏掉了填充。"},
    "ex.mistake.plus_one_forgotten": {"en": "+1 forgotten: the first window counts too.",
                                      "zh": "忘了 +1：第一个窗口也要算上。"},
    "ex.mistake.dilation_ignored": {"en": "dilation ignored: the kernel spans d·(k−1)+1 pixels.",
                                    "zh": "忽略了空洞率：卷积核覆盖 d·(k−1)+1 个像素。"},
    "ex.mistake.stride_ignored": {"en": "the stride was left out (as if it were 1).", "zh": "你漏掉了步幅（当成了 1）。"},
    "ex.mistake.ceil_instead_of_floor": {"en": "you rounded up; here the size rounds down (floor).",
                                         "zh": "你向上取整了；这里尺寸要向下取整（floor）。"},
    "ex.mistake.floor_instead_of_ceil": {"en": "you rounded down; in ceil mode the size rounds up.",
                                         "zh": "你向下取整了；ceil 模式下尺寸要向上取整。"},
    "ex.mistake.conv_formula_used": {
        "en": "that is the convolution's formula: a transposed convolution goes the other way, "
              "(n − 1)·s − 2p + d·(k − 1) + output padding + 1.",
        "zh": "这是普通卷积的公式：转置卷积方向相反，(n − 1)·s − 2p + d·(k − 1) + 输出填充 + 1。"},
    "ex.mistake.padding_added": {"en": "you added the padding; a transposed convolution's padding is taken away "
                                       "(− 2p).", "zh": "你加上了填充；转置卷积的填充是要减去的（− 2p）。"},
    "ex.mistake.output_padding_ignored": {"en": "the output padding was left out.", "zh": "你漏掉了输出填充。"},
    "ex.mistake.rows_cols_swapped": {"en": "rows and columns swapped: one row per window, one column per weight.",
                                     "zh": "行和列弄反了：每个窗口一行，每个权重一列。"},
    "ex.mistake.batch_forgotten": {"en": "the batch was forgotten: every image has its own windows (N·OH·OW rows).",
                                   "zh": "忘了批量：每张图像都有自己的窗口（N·OH·OW 行）。"},
    "ex.mistake.channels_forgotten": {"en": "the channels were forgotten: a row holds every channel's window "
                                            "(C·FH·FW columns).",
                                      "zh": "忘了通道：每一行包含所有通道的窗口（C·FH·FW 列）。"},
    "ex.mistake.input_size_used": {"en": "you used the input's size; count the output positions instead.",
                                   "zh": "你用了输入的尺寸；应该数输出的位置。"},
    "ex.mistake.flipped": {"en": "this is the flipped kernel: true convolution, not the cross-correlation PyTorch "
                                 "computes.", "zh": "这是翻转后的卷积核：那是真正的卷积，而不是 PyTorch 计算的互相关。"},
    "ex.mistake.not_flipped": {"en": "the kernel was not flipped: this is cross-correlation; true convolution flips "
                                     "the kernel first.", "zh": "卷积核没有翻转：这是互相关；真正的卷积要先翻转卷积核。"},
    "ex.mistake.grid_transposed": {"en": "the output is written column by column: write it row by row.",
                                   "zh": "你按列写出了输出：请按行写。"},
    "ex.mistake.row_col_swapped": {"en": "row and column swapped: the first number is the row.",
                                   "zh": "行和列弄反了：第一个数是行。"},
    "ex.mistake.mean_instead_of_max": {"en": "the mean was taken instead of the max.", "zh": "你取了平均值而不是最大值。"},
    "ex.mistake.max_instead_of_mean": {"en": "max taken instead of the mean.", "zh": "你取了最大值而不是平均值。"},
    "ex.mistake.padding_not_counted": {"en": "the padding's zeros count in the mean (PyTorch's default), you left "
                                             "them out.", "zh": "填充的 0 也计入平均值（PyTorch 的默认做法），你把它们漏掉了。"},
    "ex.mistake.one_stamp_only": {"en": "only one stamp counted: every stamp that reaches the cell adds up there.",
                                  "zh": "只算了一个印章：所有覆盖到这个格子的印章都要相加。"},
    "ex.mistake.stamps_flipped": {"en": "the stamps were flipped: each input cell stamps the kernel as it is.",
                                  "zh": "印章被翻转了：每个输入格子按原样盖上卷积核。"},
    "ex.mistake.crop_ignored": {"en": "the padding's crop was left out: p cells are cut from each side of the "
                                      "stamped picture.", "zh": "漏掉了填充的裁剪：要从盖好的图两侧各裁掉 p 格。"},
    "ex.mistake.sobel_axes_swapped": {"en": "Sobel x and Sobel y swapped: Sobel x finds changes along x, so it "
                                            "shows vertical edges.",
                                      "zh": "Sobel x 和 Sobel y 弄反了：Sobel x 检测沿 x 方向的变化，所以显示竖直边缘。"},
    "ex.mistake.blur_sharpen_swapped": {"en": "blur and sharpen swapped.", "zh": "模糊和锐化弄反了。"},
    "ex.mistake.strides_not_multiplied": {"en": "each layer's growth is multiplied by the jump before it (the "
                                                "product of the earlier strides).",
                                          "zh": "每一层的增长要乘以它之前的跳步（前面各层步幅的乘积）。"},
    "ex.mistake.kernels_added": {"en": "kernel sizes are not added: each layer adds (k − 1)·jump.",
                                 "zh": "卷积核大小不是直接相加：每一层增加 (k − 1)·跳步。"},
    "ex.mistake.jumps_added": {"en": "the jump is the product of the strides, not their sum.",
                               "zh": "跳步是各层步幅的乘积，而不是它们的和。"},
    "ex.mistake.bias_forgotten": {"en": "the bias was forgotten: one per output channel.",
                                  "zh": "忘了偏置：每个输出通道一个。"},
    "ex.mistake.bias_counted": {"en": "this layer has no bias.", "zh": "这一层没有偏置。"},
    "ex.mistake.in_channels_forgotten": {"en": "the input channels were forgotten: each filter has a kernel per "
                                               "input channel.", "zh": "忘了输入通道：每个滤波器对每个输入通道都有一个卷积核。"},
    "ex.mistake.depthwise_as_standard": {"en": "counted as a standard convolution: a depthwise filter sees one "
                                               "channel only.", "zh": "按标准卷积计算了：深度卷积的每个滤波器只看一个通道。"},
    "ex.mistake.kernel_area_forgotten": {"en": "the kernel's area (k·k) was forgotten.", "zh": "忘了卷积核的面积（k·k）。"},
    "ex.mistake.params_given": {"en": "that is the number of parameters; multiply-adds count each weight once per "
                                      "output position.", "zh": "这是参数数量；乘加次数要把每个权重在每个输出位置各算一次。"},
    "ex.mistake.positions_forgotten": {"en": "the output positions were forgotten: each weight is used at every "
                                             "position.", "zh": "忘了输出位置：每个权重在每个位置都要用一次。"},
    # prompts
    "ex.conv_output_size.prompt": {
        "en": "A convolution with a **{k}** kernel, stride **{s}**, padding **{p}** (on each side) and dilation "
              "**{d}** is applied to an input of **{n}** (height × width). What are the output's height and width?",
        "zh": "对 **{n}**（高 × 宽）的输入做卷积：卷积核 **{k}**，步幅 **{s}**，填充 **{p}**（每侧），空洞率 **{d}**。"
              "输出的高和宽是多少？"},
    "ex.pool_output_size.prompt": {
        "en": "Pooling with a **{k}** window, stride **{s}** and padding **{p}** (on each side), {ceil}, on an input "
              "of **{n}** (height × width). What are the output's height and width?",
        "zh": "对 **{n}**（高 × 宽）的输入做池化：窗口 **{k}**，步幅 **{s}**，填充 **{p}**（每侧），{ceil}。"
              "输出的高和宽是多少？"},
    "ex.ceil_on": {"en": "**ceil mode on**", "zh": "**开启 ceil 模式**"},
    "ex.ceil_off": {"en": "ceil mode off", "zh": "不开启 ceil 模式"},
    "ex.transposed_output_size.prompt": {
        "en": "A transposed convolution with a **{k}** kernel, stride **{s}**, padding **{p}**, output padding "
              "**{op}** and dilation **{d}** is applied to an input of **{n}** (height × width). What are the "
              "output's height and width?",
        "zh": "对 **{n}**（高 × 宽）的输入做转置卷积：卷积核 **{k}**，步幅 **{s}**，填充 **{p}**，输出填充 **{op}**，"
              "空洞率 **{d}**。输出的高和宽是多少？"},
    "ex.im2col_shape.prompt": {
        "en": "im2col unrolls a batch of **{batch}** (N × C × H × W) for a **{k}** filter, stride **{s}**, padding "
              "**{p}**, one window per row. How many rows and columns does the matrix have?",
        "zh": "im2col 把 **{batch}**（N × C × H × W）的批量按 **{k}** 的滤波器展开，步幅 **{s}**，填充 **{p}**，"
              "每个窗口一行。矩阵有多少行、多少列？"},
    "ex.conv_value.prompt": {
        "en": "Compute the {op} of the input and the kernel below, stride **{s}**, zero padding **{p}**. The output "
              "is {out}. What is its value at row **{row}**, column **{col}** (counting from 0)?",
        "zh": "计算下面输入与卷积核的{op}，步幅 **{s}**，零填充 **{p}**。输出大小为 {out}。"
              "它在第 **{row}** 行、第 **{col}** 列（从 0 开始数）的值是多少？"},
    "ex.op_xcorr": {"en": "cross-correlation (what PyTorch's conv2d computes)", "zh": "互相关（PyTorch 的 conv2d 所计算的）"},
    "ex.op_conv": {"en": "**true convolution** (the kernel flipped)", "zh": "**真正的卷积**（卷积核翻转）"},
    "ex.pool_value.prompt": {
        "en": "**{how}** pooling of the input below with a **{k}×{k}** window, stride **{s}**, padding **{p}**. The "
              "output is {out}. What is its value at row **{row}**, column **{col}** (counting from 0)?",
        "zh": "对下面的输入做**{how}**池化：窗口 **{k}×{k}**，步幅 **{s}**，填充 **{p}**。输出大小为 {out}。"
              "它在第 **{row}** 行、第 **{col}** 列（从 0 开始数）的值是多少？"},
    "ex.pool_grid.prompt": {
        "en": "**{how}** pooling of the input below with a **{k}×{k}** window, stride **{s}**, padding **{p}**. "
              "Write the whole output ({out}).",
        "zh": "对下面的输入做**{how}**池化：窗口 **{k}×{k}**，步幅 **{s}**，填充 **{p}**。写出整个输出（{out}）。"},
    "ex.mode_max": {"en": "Max", "zh": "最大"},
    "ex.mode_avg": {"en": "Average", "zh": "平均"},
    "ex.transposed_value.prompt": {
        "en": "A transposed convolution of the input below with the kernel below, stride **{s}**, padding **{p}**. "
              "The output is {out}. What is its value at row **{row}**, column **{col}** (counting from 0)?",
        "zh": "用下面的卷积核对下面的输入做转置卷积，步幅 **{s}**，填充 **{p}**。输出大小为 {out}。"
              "它在第 **{row}** 行、第 **{col}** 列（从 0 开始数）的值是多少？"},
    "ex.which_kernel.prompt": {"en": "The same photo went through four kernels. Which picture did **{kernel}** make?",
                               "zh": "同一张照片经过了四个卷积核。哪一张图是 **{kernel}** 得到的？"},
    "ex.receptive_field.prompt": {
        "en": "A stack of {count} layers, from the input up: {layers} (no padding matters here). How many input "
              "pixels does one output of the last layer see along a side (its receptive field), and how many input "
              "pixels apart are two neighbouring outputs (the jump)?",
        "zh": "从输入开始依次堆叠 {count} 层：{layers}（这里与填充无关）。最后一层的一个输出沿一边能看到多少个输入像素"
              "（感受野），相邻两个输出在输入上相隔多少像素（跳步）？"},
    "ex.layer_params.prompt": {
        "en": "{layer}: **{cin}** inputs, **{cout}** outputs, kernel {k}, {bias}. How many parameters does it have?",
        "zh": "{layer}：**{cin}** 个输入，**{cout}** 个输出，卷积核 {k}，{bias}。它有多少个参数？"},
    "ex.layer.conv": {"en": "A standard convolution", "zh": "一个标准卷积层"},
    "ex.layer.depthwise": {"en": "A depthwise convolution (one filter per channel)",
                           "zh": "一个深度卷积层（每个通道一个滤波器）"},
    "ex.layer.pointwise": {"en": "A 1×1 (pointwise) convolution", "zh": "一个 1×1（逐点）卷积层"},
    "ex.layer.dense": {"en": "A dense (fully connected) layer", "zh": "一个全连接层"},
    "ex.bias_on": {"en": "with bias", "zh": "有偏置"},
    "ex.bias_off": {"en": "**without bias**", "zh": "**无偏置**"},
    "ex.layer_macs.prompt": {
        "en": "{layer}: **{cin}** input channels of **{n}**, **{cout}** output channels, kernel {k}, stride 1, "
              "zero padding **{p}**. How many multiply-adds does one image take?",
        "zh": "{layer}：**{cin}** 个 **{n}** 的输入通道，**{cout}** 个输出通道，卷积核 {k}，步幅 1，零填充 **{p}**。"
              "处理一张图像要多少次乘加？"},
    "ex.layer_macs.prompt_dense": {
        "en": "{layer}: **{cin}** inputs, **{cout}** outputs. How many multiply-adds does one input take?",
        "zh": "{layer}：**{cin}** 个输入，**{cout}** 个输出。处理一个输入要多少次乘加？"},
    "ex.layer_macs.convention": {"en": "Count one multiply-add per weight per output position; the bias's "
                                       "additions are not counted.",
                                 "zh": "每个权重在每个输出位置算一次乘加；偏置的加法不计。"},
    "ex.ask.number": {"en": "Answer with one number.", "zh": "请回答一个数。"},
    "ex.ask.decimal": {"en": "Answer with one number, to two decimals.", "zh": "请回答一个数，保留两位小数。"},
    "ex.ask.pair": {"en": "Answer as height, width (for example `4, 5`).", "zh": "请按“高, 宽”回答（例如 `4, 5`）。"},
    "ex.ask.rows_cols": {"en": "Answer as rows, columns (for example `36, 9`).",
                         "zh": "请按“行数, 列数”回答（例如 `36, 9`）。"},
    "ex.ask.size_jump": {"en": "Answer as size, jump (for example `7, 4`).", "zh": "请按“感受野, 跳步”回答（例如 `7, 4`）。"},
    "ex.ask.grid": {"en": "One row per line, the numbers separated by spaces.", "zh": "每行一行，数字之间用空格分隔。"},
    "ex.ask.grid_decimal": {"en": "One row per line, the numbers separated by spaces, to two decimals.",
                            "zh": "每行一行，数字之间用空格分隔，保留两位小数。"},
    "ex.ask.choice": {"en": "Choose A, B, C or D.", "zh": "请选择 A、B、C 或 D。"},
    # worked solutions
    "ex.sol.conv_size": {"en": "Each side: ⌊(n + 2·p − d·(k − 1) − 1)/s⌋ + 1 (PyTorch's formula; with d = 1 the "
                               "middle is n + 2·p − k).",
                         "zh": "每一边：⌊(n + 2·p − d·(k − 1) − 1)/s⌋ + 1（PyTorch 的公式；d = 1 时中间是 n + 2·p − k）。"},
    "ex.sol.pool_size": {"en": "Each side: ⌊(n + 2·p − k)/s⌋ + 1.", "zh": "每一边：⌊(n + 2·p − k)/s⌋ + 1。"},
    "ex.sol.pool_size_ceil": {"en": "Each side, in ceil mode: ⌈(n + 2·p − k)/s⌉ + 1, minus one if the last window "
                                    "would start in the right padding.",
                              "zh": "ceil 模式下每一边：⌈(n + 2·p − k)/s⌉ + 1；如果最后一个窗口会从右侧填充里开始，再减 1。"},
    "ex.sol.transposed_size": {"en": "Each side: (n − 1)·s − 2·p + d·(k − 1) + output padding + 1.",
                               "zh": "每一边：(n − 1)·s − 2·p + d·(k − 1) + 输出填充 + 1。"},
    "ex.sol.height": {"en": "Height: `{formula}`", "zh": "高：`{formula}`"},
    "ex.sol.width": {"en": "Width: `{formula}`", "zh": "宽：`{formula}`"},
    "ex.sol.pair": {"en": "Answer: **{answer}**", "zh": "答案：**{answer}**"},
    "ex.sol.im2col_out": {"en": "Output positions: OH = `{oh}`, OW = `{ow}`.",
                          "zh": "输出位置：OH = `{oh}`，OW = `{ow}`。"},
    "ex.sol.im2col_shape": {"en": "Rows: N·OH·OW = {n}·{oh}·{ow} = **{rows}**; columns: C·FH·FW = {c}·{fh}·{fw} = "
                                  "**{cols}**.",
                            "zh": "行数：N·OH·OW = {n}·{oh}·{ow} = **{rows}**；列数：C·FH·FW = {c}·{fh}·{fw} = **{cols}**。"},
    "ex.sol.flip": {"en": "True convolution flips the kernel (rows and columns) first: `{kernel}`.",
                    "zh": "真正的卷积先把卷积核上下左右翻转：`{kernel}`。"},
    "ex.sol.window": {"en": "The window starts at row {top}, column {left} of the input padded by {pad}: `{window}`.",
                      "zh": "窗口从填充 {pad} 后的输入的第 {top} 行、第 {left} 列开始：`{window}`。"},
    "ex.sol.sum": {"en": "Products, summed: `{products} = {answer}`", "zh": "逐项相乘再相加：`{products} = {answer}`"},
    "ex.sol.pool_no_pad": {"en": "No padding: every value of the window is the input's.",
                           "zh": "没有填充：窗口里的每个值都来自输入。"},
    "ex.sol.pool_pad_max": {"en": "Max pooling pads with −∞, which is never chosen (shown as 0 above).",
                            "zh": "最大池化用 −∞ 填充，它永远不会被选中（上面显示为 0）。"},
    "ex.sol.pool_pad_avg": {"en": "Average pooling pads with zeros, and they count in the mean (PyTorch's default).",
                            "zh": "平均池化用 0 填充，并且这些 0 计入平均值（PyTorch 的默认做法）。"},
    "ex.sol.pool_cells": {"en": "{how}, cell by cell (row, column):  \n{work}", "zh": "{how}，逐格计算（行, 列）：  \n{work}"},
    "ex.sol.pool": {"en": "{how}: `{work}`", "zh": "{how}：`{work}`"},
    "ex.sol.stamps": {
        "en": "Each input cell (i, j) stamps the kernel times itself with its corner at (i·{s}, j·{s}). With padding "
              "{p} the asked cell is ({y}, {x}) of the uncropped picture; the stamps that reach it, input cell → "
              "kernel cell: {listed}.",
        "zh": "每个输入格子 (i, j) 把“卷积核 × 自身”盖在左上角 (i·{s}, j·{s}) 处。填充为 {p}，所问格子是未裁剪图上的 "
              "({y}, {x})；覆盖它的印章（输入格子 → 卷积核格子）：{listed}。"},
    "ex.sol.which_kernel": {"en": "**{letter}** is {kernel}: {why}", "zh": "**{letter}** 是{kernel}：{why}"},
    "ex.why.gaussian_blur": {"en": "edges and noise are softened, nothing is added.",
                             "zh": "边缘和噪点变柔和，没有增加任何东西。"},
    "ex.why.sharpen": {"en": "the photo itself with its edges and texture stronger.",
                       "zh": "仍是原照片，但边缘和纹理更强。"},
    "ex.why.sobel_x": {"en": "flat areas are grey or dark, and vertical edges (changes along x) stand out.",
                       "zh": "平坦区域是灰色或暗的，竖直边缘（沿 x 方向的变化）很突出。"},
    "ex.why.sobel_y": {"en": "flat areas are grey or dark, and horizontal edges (changes along y) stand out.",
                       "zh": "平坦区域是灰色或暗的，水平边缘（沿 y 方向的变化）很突出。"},
    "ex.sol.rf_rule": {"en": "Going up the stack, each layer adds d·(k − 1) times the jump before it; the jump is "
                             "the product of the strides so far.",
                       "zh": "沿着堆叠往上，每一层增加 d·(k − 1) 乘以它之前的跳步；跳步是到目前为止各层步幅的乘积。"},
    "ex.sol.rf_steps": {"en": "Layer by layer (field + (extent − 1)·jump before):  \n{steps}",
                        "zh": "逐层计算（感受野 + (跨度 − 1)·之前的跳步）：  \n{steps}"},
    "ex.sol.rf_jump": {"en": "Jump: {strides} = **{jump}**", "zh": "跳步：{strides} = **{jump}**"},
    "ex.sol.params.conv": {"en": "Weights: out · in · k·k = {cout} · {cin} · {area} = {weights}; biases: {biases}. "
                                 "Total **{answer}**.",
                           "zh": "权重：输出 · 输入 · k·k = {cout} · {cin} · {area} = {weights}；偏置：{biases}。"
                                 "共 **{answer}**。"},
    "ex.sol.params.depthwise": {"en": "Weights: one k·k kernel per channel, {cout} · {area} = {weights}; biases: "
                                      "{biases}. Total **{answer}**.",
                                "zh": "权重：每个通道一个 k·k 卷积核，{cout} · {area} = {weights}；偏置：{biases}。"
                                      "共 **{answer}**。"},
    "ex.sol.params.pointwise": {"en": "Weights: out · in = {cout} · {cin} = {weights}; biases: {biases}. Total "
                                      "**{answer}**.",
                                "zh": "权重：输出 · 输入 = {cout} · {cin} = {weights}；偏置：{biases}。共 **{answer}**。"},
    "ex.sol.params.dense": {"en": "Weights: in · out = {cin} · {cout} = {weights}; biases: {biases}. Total "
                                  "**{answer}**.",
                            "zh": "权重：输入 · 输出 = {cin} · {cout} = {weights}；偏置：{biases}。共 **{answer}**。"},
    "ex.sol.macs": {"en": "Outputs: {out} positions × {cout} channels = {positions}; each uses {per_output} weights. "
                          "{positions} · {per_output} = **{answer}**.",
                    "zh": "输出：{out} 个位置 × {cout} 个通道 = {positions}；每个输出用到 {per_output} 个权重。"
                          "{positions} · {per_output} = **{answer}**。"},
}
