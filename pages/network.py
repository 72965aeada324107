"""Network: build a small CNN for handwritten digits, train it here, and look inside it."""
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import torch

from explorer import figures, imaging, lenet, ops, ui
from explorer.ui import tr

st.title(tr("page.network.title"))
st.markdown(tr("net.intro"))
FIGURE = {"width": "stretch", "config": {"displayModeBar": False}}
ss = st.session_state


def tiles(images, captions, per_row: int = 8, target: int = 112) -> None:
    """Small pictures in rows (floats in [0, 1] or ready uint8), each enlarged by whole pixels."""
    for start in range(0, len(images), per_row):
        for col, picture, caption in zip(st.columns(per_row, gap="small"), images[start:start + per_row],
                                         captions[start:start + per_row]):
            col.image(ui.blocky(picture, target), width="stretch")
            col.caption(caption)


def digits_data(source: str):
    """The data set in use; the bundled digits unless MNIST files were loaded."""
    if source == "idx" and ss.get("net.idx_data") is not None:
        return ss["net.idx_data"]
    return ui.digits()


arch_tab, train_tab, inside_tab = st.tabs([tr("net.tab_arch"), tr("net.tab_train"), tr("net.tab_inside")])

# ---------------------------------------------------------------- architecture
with arch_tab:
    st.markdown(tr("net.arch_intro"))
    ss.setdefault("net.preset", lenet.DEFAULT_PRESET)
    ss.setdefault("net.version", 0)
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    with left:
        preset = ui.select(tr("net.preset"), list(lenet.PRESETS), "net.preset", "net.preset")
    if ss.get("net.loaded_preset") != preset:
        ss["net.loaded_preset"] = preset
        ss["net.rows"] = lenet.specs_to_rows(lenet.PRESETS[preset])
        ss["net.version"] += 1
    right.caption(tr(f"net.preset.{preset}.desc"))
    edited = st.data_editor(
        pd.DataFrame(ss["net.rows"], columns=list(lenet.TABLE_COLUMNS)), key=f"net.editor.{ss['net.version']}",
        num_rows="dynamic", hide_index=True, width="stretch", placeholder="–",
        column_config={
            "#": st.column_config.NumberColumn("#", min_value=1, step=1, format="%d", width="small",
                                               help=tr("net.col_order")),
            "type": st.column_config.SelectboxColumn(tr("net.col_type"), options=list(lenet.LAYER_TYPES),
                                                     required=True, format_func=ui.labels("net.layer")),
            "out": st.column_config.NumberColumn(tr("net.col_out"), min_value=1, step=1, format="%d",
                                                 help=tr("net.col_out_help")),
            "k": st.column_config.NumberColumn(tr("net.col_k"), min_value=1, step=1, format="%d"),
            "stride": st.column_config.NumberColumn(tr("conv.stride"), min_value=1, step=1, format="%d"),
            "pad": st.column_config.NumberColumn(tr("net.col_pad"), min_value=0, step=1, format="%d"),
        })
    st.caption(tr("net.edit_help"))
    specs = lenet.rows_to_specs(edited.to_dict("records"))
    description = lenet.describe(specs, label=ui.labels("net.layer"))
    if description.rows:
        st.dataframe(pd.DataFrame({
            tr("net.t_layer"): [r.row for r in description.rows],
            tr("net.t_name"): [r.name for r in description.rows],
            tr("net.t_shape"): [" × ".join(str(v) for v in r.shape) for r in description.rows],
            tr("net.t_params"): [f"{r.params:,}" for r in description.rows],
            tr("net.t_macs"): [f"{r.macs:,}" for r in description.rows],
            tr("net.t_rf"): [tr("net.rf_all") if r.receptive_field is None else f"{r.receptive_field}×{r.receptive_field}"
                             for r in description.rows],
        }), hide_index=True, width="stretch")
    if description.error is not None:
        ui.show_error(description.error)
    else:
        m1, m2, m3 = st.columns(3)
        m1.metric(tr("net.total_params"), f"{description.params:,}", border=True)
        m2.metric(tr("net.total_macs"), figures.format_count(description.macs), border=True,
                  help=f"{description.macs:,}")
        m3.metric(tr("net.input_shape"), "1 × 28 × 28", border=True)

usable = description.error is None
model = ss.get("net.model")
trained_for = ss.get("net.specs")
if model is not None and trained_for != specs:
    model = None          # the table changed since training: that model no longer matches

# ---------------------------------------------------------------- training
with train_tab:
    st.markdown(tr("net.train_intro"))
    ss.setdefault("net.source", "digits")
    source = st.segmented_control(tr("net.data"), ["digits", "idx"], key="net.source", required=True,
                                  format_func=ui.labels("net.data"), persist_state="session", bind="query-params")
    if source == "idx":
        c1, c2 = st.columns(2)
        images_file = c1.file_uploader(tr("net.idx_images"), key="net.idx_images")
        labels_file = c2.file_uploader(tr("net.idx_labels"), key="net.idx_labels")
        if images_file is not None and labels_file is not None:
            try:
                x, y = lenet.load_idx(images_file.getvalue(), labels_file.getvalue())
                ss["net.idx_data"] = lenet.split(x, y)
                st.success(tr("net.idx_loaded", n=len(x)))
            except lenet.NetworkError as err:
                ss["net.idx_data"] = None
                ui.show_error(err)
        else:
            st.caption(tr("net.idx_help"))
    data = digits_data(source)
    st.caption(tr("net.data_sizes", train=len(data.x_train), val=len(data.x_val), test=len(data.x_test)))

    for key, value in lenet.DEFAULTS.items():
        ss.setdefault(f"net.{key}", value)
    ss.setdefault("net.seed", 0)
    c1, c2, c3, c4, c5 = st.columns([1, 1.2, 1.2, 1.6, 1], gap="small")
    epochs = c1.number_input(tr("net.epochs"), 1, 50, key="net.epochs", persist_state="session", bind="query-params")
    lr = c2.select_slider(tr("net.lr"), [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1], key="net.lr",
                          persist_state="session", bind="query-params")
    batch = c3.select_slider(tr("net.batch"), [8, 16, 32, 64, 128, 256], key="net.batch_size",
                             persist_state="session", bind="query-params")
    optimizer = c4.segmented_control(tr("net.optimizer"), list(lenet.OPTIMIZERS), key="net.optimizer",
                                     required=True, format_func=ui.labels("net.opt"), persist_state="session", bind="query-params")
    seed = c5.number_input(tr("sw.seed"), 0, 9999, key="net.seed", persist_state="session", bind="query-params")

    b1, b2, b3 = st.columns([1, 1, 3], vertical_alignment="center")
    start = b1.button(tr("net.train"), icon=":material/play_arrow:", type="primary", disabled=not usable)
    b2.button(tr("net.stop"), icon=":material/stop:", help=tr("net.stop_help"))
    b3.caption(tr("device.badge", device=ops.device_label(ops.pick_device())))
    progress = st.empty()
    curves = st.empty()

    def draw_curves(history) -> None:
        if not history:
            return
        x = [h.epoch for h in history]
        loss = figures.lines_figure(x, {tr("net.train_set"): [h.train_loss for h in history],
                                        tr("net.val_set"): [h.val_loss for h in history]},
                                    x_title=tr("net.epoch"), y_title=tr("net.loss"), height=260)
        acc = figures.lines_figure(x, {tr("net.train_set"): [h.train_acc * 100 for h in history],
                                       tr("net.val_set"): [h.val_acc * 100 for h in history]},
                                   x_title=tr("net.epoch"), y_title=tr("net.accuracy"), height=260)
        with curves.container():
            a, b = st.columns(2)
            a.plotly_chart(loss, key=f"net.loss{len(history)}", **FIGURE)
            b.plotly_chart(acc, key=f"net.acc{len(history)}", **FIGURE)

    if start and usable:
        fresh = lenet.build(specs, seed=seed)
        ss["net.initial_filters"] = lenet.first_filters(fresh)
        ss["net.model"], ss["net.specs"], ss["net.history"] = fresh, specs, []
        ss["net.stopped"] = True      # until the last epoch ends: a Stop click interrupts this run
        bar = progress.progress(0.0, text=tr("net.training"))

        def on_step(epoch, step, steps):
            if step == steps or step % 8 == 0:
                bar.progress(((epoch - 1) * steps + step) / (epochs * steps),
                             text=tr("net.progress", epoch=epoch, epochs=epochs, step=step, steps=steps))

        def on_epoch(record):
            ss["net.history"] = ss["net.history"] + [record]
            draw_curves(ss["net.history"])

        lenet.train(fresh, data, epochs=epochs, lr=lr, batch_size=batch, optimizer=optimizer, seed=seed,
                    on_step=on_step, on_epoch=on_epoch)
        ss["net.stopped"] = False
        progress.empty()
        model = fresh
    history = ss.get("net.history", [])
    if not start:
        draw_curves(history)
    if model is not None:
        if ss.get("net.stopped"):
            st.warning(tr("net.stopped", n=len(history)), icon=":material/stop_circle:")
        test_loss, test_acc, _ = lenet.evaluate(model, data.x_test, data.y_test)
        st.metric(tr("net.test_acc"), f"{test_acc * 100:.1f} %",
                  tr("net.test_detail", n=len(data.x_test), loss=f"{test_loss:.3f}"), delta_color="off",
                  delta_arrow="off", border=True)
    elif usable:
        st.info(tr("net.not_trained"), icon=":material/school:")

    st.subheader(tr("net.weights_title"))
    d1, d2, d3 = st.columns(3, vertical_alignment="bottom")
    if model is not None:
        d1.download_button(tr("net.download_st"), lenet.save_weights(model, "safetensors"),
                           file_name=f"{preset}.safetensors", mime="application/octet-stream",
                           icon=":material/download:")
        d2.download_button(tr("net.download_pt"), lenet.save_weights(model, "pt"), file_name=f"{preset}.pt",
                           mime="application/octet-stream", icon=":material/download:")
    upload = d3.file_uploader(tr("net.upload_weights"), type=["safetensors", "pt", "pth"], key="net.weights_file",
                              help=tr("net.upload_help"))
    if upload is not None and usable and ss.get("net.loaded_file") != upload.file_id:
        candidate = lenet.build(specs, seed=seed)
        try:
            lenet.load_weights(candidate, upload.getvalue())
        except lenet.NetworkError as err:
            ui.show_error(err)
        else:
            ss["net.loaded_file"] = upload.file_id
            ss["net.model"], ss["net.specs"], ss["net.history"] = candidate, specs, []
            ss["net.initial_filters"] = lenet.first_filters(lenet.build(specs, seed=seed))
            ss["net.stopped"] = False
            ss["net.loaded_message"] = upload.name
            st.rerun()       # draw the whole page again with these weights
    if ss.get("net.loaded_message") and ss.get("net.loaded_file") == getattr(upload, "file_id", None):
        st.success(tr("net.weights_loaded", name=ss["net.loaded_message"]))

# ---------------------------------------------------------------- inside
with inside_tab:
    if model is None:
        st.info(tr("net.inside_first"), icon=":material/school:")
        ui.stop()
    before, after = ss.get("net.initial_filters"), lenet.first_filters(model)
    if after is not None:
        st.subheader(tr("net.filters_title"))
        st.caption(tr("net.filters_note"))
        for label, kernels_ in ((tr("net.before"), before), (tr("net.after"), after)):
            if kernels_ is not None:
                st.markdown(f"**{label}**")
                shown = kernels_[:8]
                scale = float(np.abs(shown).max()) or 1.0      # one scale per row: 0 is mid-grey
                tiles([0.5 + 0.5 * k / scale for k in shown], [f"{i + 1}" for i in range(len(shown))], target=96)

    st.subheader(tr("net.input_title"))
    ss.setdefault("net.input", "test")
    kind = st.segmented_control(tr("net.input"), ["test", "draw", "photo"], key="net.input", required=True,
                                format_func=ui.labels("net.input"), persist_state="session", bind="query-params")
    digit = None
    if kind == "test":
        ss.setdefault("net.test_index", 0)
        index = st.slider(tr("net.test_index"), 0, len(data.x_test) - 1, key="net.test_index")
        digit = data.x_test[index, 0].numpy()
        st.caption(tr("net.true_label", label=int(data.y_test[index])))
    elif kind == "draw":
        ss.setdefault("net.strokes", [])
        canvas, buttons = st.columns([1, 1])
        picture = lenet.rasterize(ss["net.strokes"])
        ys, xs = np.mgrid[0:28:0.5, 0:28:0.5]
        fig = go.Figure([go.Heatmap(z=picture, x0=0.5, y0=0.5, colorscale="Greys_r", zmin=0, zmax=1, showscale=False,
                                    hoverinfo="skip"),
                         go.Scatter(x=xs.ravel(), y=ys.ravel(), mode="markers", marker={"size": 3, "opacity": 0},
                                    hoverinfo="skip", showlegend=False)])
        fig.update_layout(dragmode="lasso", height=380, margin={"l": 4, "r": 4, "t": 4, "b": 4},
                          xaxis={"visible": False, "range": [0, 28], "fixedrange": True, "constrain": "domain"},
                          yaxis={"visible": False, "range": [28, 0], "fixedrange": True, "scaleanchor": "x"})
        with canvas:
            event = st.plotly_chart(fig, key=f"net.canvas{len(ss['net.strokes'])}", on_select="rerun",
                                    selection_mode="lasso", config={"displayModeBar": False}, width="stretch")
        new = lenet.lasso_strokes(event.selection if event else None)
        if new:
            ss["net.strokes"] = ss["net.strokes"] + new
            st.rerun()
        buttons.markdown(tr("net.draw_help"))
        if buttons.button(tr("net.clear"), icon=":material/ink_eraser:"):
            ss["net.strokes"] = []
            st.rerun()
        digit = picture if ss["net.strokes"] else None
    else:
        photo = st.file_uploader(tr("net.photo"), type=list(imaging.UPLOAD_TYPES), key="net.photo",
                                 help=tr("net.photo_help"))
        if photo is not None:
            try:
                steps = lenet.prepare_photo(imaging.load_image(photo.getvalue(), max_side=1024))
            except imaging.ImageError as err:
                ui.show_error(err)
            else:
                names = ("gray", "inverted", "cropped", "final")
                for col, name in zip(st.columns(4, gap="small"), names):
                    col.image(imaging.to_uint8(steps[name]), width="stretch", clamp=True)
                    col.caption(tr(f"net.step.{name}"))
                digit = steps["final"]
    if digit is None:
        st.info(tr("net.no_input"), icon=":material/draw:")
    else:
        x = torch.from_numpy(np.asarray(digit, np.float32))[None]
        probs = lenet.probabilities(model, x)
        left, right = st.columns([1, 2], gap="large")
        left.image(ui.blocky(digit, 224, "clip"), width="stretch")
        left.caption(tr("net.prediction", digit=int(probs.argmax()), p=f"{probs.max() * 100:.1f}"))
        bars = go.Figure(go.Bar(x=[str(i) for i in range(10)], y=probs * 100, marker_color=[
            figures.HIGHLIGHT if i == probs.argmax() else "#9aa5b1" for i in range(10)],
            text=[f"{p * 100:.0f}" for p in probs], textposition="outside"))
        bars.update_layout(height=260, margin={"l": 4, "r": 4, "t": 10, "b": 4},
                           yaxis={"title": tr("net.probability"), "range": [0, 110]}, xaxis={"title": tr("net.digit")})
        right.plotly_chart(bars, key="net.probs", **FIGURE)
        st.subheader(tr("net.maps_title"))
        rows = {r.row: r for r in lenet.describe(specs, label=ui.labels("net.layer")).rows}
        for number, output in lenet.feature_maps(model, x):
            info = rows[number]
            if output.ndim == 3:
                st.markdown(f"**{number}. {info.name}** · {' × '.join(str(v) for v in output.shape)}")
                shown = output[:8]
                tiles([imaging.to_display(m, "diverging", imaging.robust_scale(output)) for m in shown],
                      [f"{i + 1}" for i in range(len(shown))] if len(output) <= 8 else
                      [f"{i + 1}" for i in range(7)] + [tr("net.more_maps", n=len(output))], target=96)

    st.subheader(tr("net.test_title"))
    _, _, predicted = lenet.evaluate(model, data.x_test, data.y_test)
    counts = lenet.confusion(data.y_test, predicted)
    matrix, gallery = st.columns([1, 1.2], gap="large")
    matrix.plotly_chart(figures.matrix_figure(counts, sequential=True, colorscale="Blues",
                                              title=tr("net.confusion")), key="net.confusion", **FIGURE)
    matrix.caption(tr("net.confusion_note"))
    wrong = np.nonzero(predicted.numpy() != data.y_test.numpy())[0][:16]
    with gallery:
        st.markdown(f"**{tr('net.mistakes', n=int((predicted != data.y_test).sum()), total=len(data.y_test))}**")
        if len(wrong):
            tiles([data.x_test[i, 0].numpy() for i in wrong],
                  [tr("net.mistake", true=int(data.y_test[i]), pred=int(predicted[i])) for i in wrong], per_row=6,
                  target=84)
