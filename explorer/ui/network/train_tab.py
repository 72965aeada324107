"""Network tab: the data, the settings, training with a progress bar, live curves and Stop; weights files."""
from __future__ import annotations

import streamlit as st
from torch import nn

from explorer import ops
from explorer.network import NetworkError, classes, training, weights
from explorer.network.data import Data, load_idx, split
from explorer.ui import caches, widgets
from explorer.ui.network import model as session
from explorer.ui.network import source
from explorer.ui.network.model import Network, Task
from explorer.ui.shell import lang, markdown_text, show_error, tr
from explorer.ui.state import network as state
from explorer.views import charts

RATES = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
BATCHES = [8, 16, 32, 64, 128, 256]
# While it trains, the page redraws the bar at most four times a second and the curves at most every half second
# (and at the end): each redraw is a message for the browser, and the default run used to send 60 bars and 24
# Plotly charts in about a second, rendered by a browser that on one machine takes the cores the training needs.
PROGRESS_S, CURVES_S = 0.25, 0.5
# One torch thread for the training (the process's setting while it runs, see training.torch_threads): the default
# run takes 0.49 s with two threads and 0.64 s with one on an idle 2-core machine, but 1.7–4.3 s against 0.7–0.9 s
# when something else keeps one core busy (a browser, another student's run): OpenMP's two threads wait on each
# other (docs/performance.md, issue 26).
THREADS = 1


def _data(task: Task) -> Data | None:
    """Your own classes (``None`` until they can be trained on), the bundled digits, or MNIST IDX files once both
    are uploaded."""
    if task.own:
        if task.data is None:
            show_error(task.problem)
            return None
        st.caption(tr("net.own_sizes", train=len(task.data.x_train), val=len(task.data.x_val)))
        fewest = classes.fewest_validation(task.data.y_val, len(task.names))
        if fewest < classes.FEW_VALIDATION:
            st.caption(tr("net.own_few_short", fewest=fewest))
        return task.data
    if task.source == "idx":
        c1, c2 = st.columns(2)
        images_file = c1.file_uploader(tr("net.idx_images"), key=state.IDX_IMAGES)
        labels_file = c2.file_uploader(tr("net.idx_labels"), key=state.IDX_LABELS)
        if images_file is not None and labels_file is not None:
            files = (images_file.file_id, labels_file.file_id)
            if st.session_state.get(state.IDX_FILES) != files:      # unpacked once per pair of files, not per rerun
                st.session_state[state.IDX_FILES] = files
                try:
                    x, y = load_idx(images_file.getvalue(), labels_file.getvalue())
                    st.session_state[state.IDX_DATA], st.session_state[state.IDX_OUTCOME] = split(x, y), len(x)
                except NetworkError as err:
                    st.session_state[state.IDX_DATA], st.session_state[state.IDX_OUTCOME] = None, err
            outcome = st.session_state[state.IDX_OUTCOME]
            if isinstance(outcome, NetworkError):
                show_error(outcome)
            else:
                st.success(tr("net.idx_loaded", n=outcome))
        else:
            st.caption(tr("net.idx_help"))
    loaded = st.session_state.get(state.IDX_DATA) if task.source == "idx" else None
    data = loaded if loaded is not None else caches.digits()
    st.caption(tr("net.data_sizes", train=len(data.x_train), val=len(data.x_val), test=len(data.x_test)))
    return data


def _settings(task: Task) -> dict:
    c1, c2, c3, c4, c5 = st.columns([1, 1.2, 1.2, 1.6, 1], gap="small")
    defaults = source.defaults(task.source)
    return {
        "epochs": widgets.number(tr("net.epochs"), 1, 50, task.key("epochs"), defaults["epochs"], where=c1),
        "lr": widgets.choice(tr("net.lr"), RATES, task.key("lr"), defaults["lr"], kind="select_slider", where=c2),
        "batch_size": widgets.choice(tr("net.batch"), BATCHES, task.key("batch_size"), defaults["batch_size"],
                                     kind="select_slider", where=c3),
        "optimizer": widgets.choice(tr("net.optimizer"), training.OPTIMIZERS, task.key("optimizer"),
                                    defaults["optimizer"], kind="segmented", prefix="net.opt", where=c4),
        "seed": widgets.number(tr("sw.seed"), 0, 9999, state.SEED, state.DEFAULTS[state.SEED], where=c5),
    }


def _curves(place, history: list[training.Epoch], task: Task) -> None:
    """Loss and accuracy per epoch, training against validation; a line when they part (overfitting)."""
    if not history:
        return
    x = [h.epoch for h in history]
    sets = (tr("net.train_set"), tr("net.val_set"))
    loss = charts.lines_figure(x, {sets[0]: [h.train_loss for h in history], sets[1]: [h.val_loss for h in history]},
                               x_title=tr("net.epoch"), y_title=tr("net.loss"), height=260)
    acc = charts.lines_figure(x, {sets[0]: [h.train_acc * 100 for h in history],
                                  sets[1]: [h.val_acc * 100 for h in history]},
                              x_title=tr("net.epoch"), y_title=tr("net.accuracy"), height=260)
    with place.container():
        a, b = st.columns(2)
        widgets.chart(loss, state.loss_chart(len(history)), a)
        widgets.chart(acc, state.accuracy_chart(len(history)), b)
        overfit = training.overfitting(history)
        if overfit is not None:
            st.warning(tr("net.overfitting", train=f"{overfit.train_acc * 100:.0f}", val=f"{overfit.val_acc * 100:.0f}",
                          best=overfit.best_epoch) + " " + tr("net.overfitting_augmented" if task.own and
                                                               task.augment and task.augment.active else
                                                               "net.overfitting_help"),
                       icon=":material/trending_down:")


def _train(net: Network, data: Data, settings: dict, progress, curves) -> nn.Module:
    """Build the network fresh and train it, drawing progress and curves as it goes (Stop interrupts the run)."""
    fresh = net.build(settings["seed"])
    session.adopt(fresh, net, stopped=True)   # stopped until the last epoch ends
    bar = progress.progress(0.0, text=tr("net.training"))
    epochs = settings["epochs"]
    bar_due, curves_due = training.Every(PROGRESS_S), training.Every(CURVES_S)

    def on_step(epoch, step, steps):
        if bar_due.due():
            bar.progress(((epoch - 1) * steps + step) / (epochs * steps),
                         text=tr("net.progress", epoch=epoch, epochs=epochs, step=step, steps=steps))

    def on_epoch(record):
        st.session_state[state.HISTORY] = st.session_state[state.HISTORY] + [record]
        if record.epoch < epochs and curves_due.due():
            _curves(curves, st.session_state[state.HISTORY], net.task)

    def on_wait(waiting):
        bar.progress(0.0, text=tr("net.queued", place=waiting.place, running=waiting.running))

    augment = net.task.augment if net.task.own else None
    # at most as many trainings at once as the server has cores; the others wait in order, told their place
    with caches.training_slots().turn(on_wait):
        bar.progress(0.0, text=tr("net.training"))
        training.train(fresh, data, on_step=on_step, on_epoch=on_epoch, augment=augment, threads=THREADS,
                       **settings)
    _curves(curves, st.session_state[state.HISTORY], net.task)
    st.session_state[state.STOPPED] = False
    session.changed()
    progress.empty()
    return fresh


def _metadata(net: Network) -> dict[str, str] | None:
    """What a weights file of your own classes carries: the class names, the input settings, the layers."""
    task = net.task
    return classes.metadata(list(task.names), task.input_shape[1], task.colour, net.specs) if task.own else None


def _weights(net: Network, model: nn.Module | None, seed: int) -> None:
    """Download the weights (encoded on click) or load a file into this architecture (checked, never unpickled).

    Your own classes save safetensors only: its metadata carries the class names and the input settings,
    checked when the file is loaded again."""
    st.subheader(tr("net.weights_title"))
    d1, d2, d3 = st.columns(3, vertical_alignment="bottom")
    if model is not None:
        formats = (((d1, "safetensors", "net.download_st", "safetensors"),) if net.task.own else
                   ((d1, "safetensors", "net.download_st", "safetensors"), (d2, "pt", "net.download_pt", "pt")))
        name = f"{net.preset}-{len(net.task.names)}-classes" if net.task.own else net.preset
        for col, fmt, label, suffix in formats:
            col.download_button(tr(label), lambda fmt=fmt: weights.save_weights(model, fmt, _metadata(net)),
                                file_name=f"{name}.{suffix}", mime="application/octet-stream",
                                icon=":material/download:", on_click="ignore")
    upload = d3.file_uploader(tr("net.upload_weights"), type=["safetensors", "pt", "pth"], key=state.WEIGHTS_FILE,
                              help=net.task.say("net.upload_help"))
    failed = st.session_state.get(state.WEIGHTS_FAILED)
    if upload is not None and failed is not None and failed[0] == (upload.file_id, net.signature):
        show_error(failed[1])           # a refused file is read once per network, not again on every rerun
    elif upload is not None and net.usable and st.session_state.get(state.LOADED_FILE) != upload.file_id:
        candidate = net.build(seed)
        start = session.starting_point(candidate)
        try:
            classes.check_fits(weights.read_metadata(upload.getvalue()), list(net.task.names), net.task.input_shape)
            weights.load_weights(candidate, upload.getvalue())
        except NetworkError as err:
            st.session_state[state.WEIGHTS_FAILED] = ((upload.file_id, net.signature), err)
            show_error(err)
        else:
            session.adopt(candidate, net, stopped=False, start=start)
            st.session_state[state.LOADED_FILE] = upload.file_id
            st.session_state[state.LOADED_MESSAGE] = upload.name
            st.rerun()       # draw the whole page again with these weights
    if st.session_state.get(state.LOADED_MESSAGE) and st.session_state.get(state.LOADED_FILE) == getattr(
            upload, "file_id", None):
        st.success(tr("net.weights_loaded", name=markdown_text(st.session_state[state.LOADED_MESSAGE])))


def render(net: Network) -> tuple[nn.Module | None, Data | None]:
    """The whole tab; returns the session's model (``None`` before training) and the data in use (``None``:
    your own classes cannot be trained on yet)."""
    st.markdown(net.task.say("net.train_intro"))
    data = _data(net.task)
    settings = _settings(net.task)
    b1, b2, b3 = st.columns([1, 1, 3], vertical_alignment="center")
    start = b1.button(tr("net.train"), icon=":material/play_arrow:", type="primary",
                      disabled=not net.usable or data is None)
    b2.button(tr("net.stop"), icon=":material/stop:", help=tr("net.stop_help"))
    device = ops.pick_device()        # the training's device: on the CPU, with the training's threads
    b3.caption(tr("device.badge", device=tr("device.cpu", threads=THREADS) if device.type == "cpu" else
                  ops.device_label(device, lang())))
    progress, curves = st.empty(), st.empty()
    model = session.current(net)
    if start and net.usable and data is not None:
        model = _train(net, data, settings, progress, curves)
    else:
        _curves(curves, st.session_state.get(state.HISTORY, []), net.task)
    if model is not None and data is not None:
        if st.session_state.get(state.STOPPED):
            st.warning(tr("net.stopped", n=len(st.session_state.get(state.HISTORY, []))),
                       icon=":material/stop_circle:")
        loss, accuracy, _ = session.test_results(model, data)
        st.metric(net.task.say("net.test_acc"), f"{accuracy * 100:.1f} %",
                  net.task.say("net.test_detail", n=len(data.x_test), loss=f"{loss:.3f}"), delta_color="off",
                  delta_arrow="off", border=True)
    elif net.usable and model is None:
        st.info(net.task.say("net.not_trained"), icon=":material/school:")
    _weights(net, model, settings["seed"])
    return model, data
