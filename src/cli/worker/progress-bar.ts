/** A one-line progress bar on a TTY stream (redrawn with \r); silent when the stream is not a TTY. */
export function progressBar(stream: NodeJS.WriteStream, label: string, width = 30): (done: number, total: number) => void {
    let last = -1;
    return (done, total) => {
        if (!stream.isTTY) return;
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct === last && done !== total) return;
        last = pct;
        const filled = Math.round((pct / 100) * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}`);
        if (done >= total) stream.write('\n');
    };
}
