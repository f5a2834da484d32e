/** Landing page: what the registry holds, and where to go. */
import { useRegistry } from '../data/registry-context';
import { formatHash } from '../routing/hash-route';

export function HomePage() {
    const { data, status } = useRegistry();
    const n = (x: number) => (status === 'loading' ? '…' : String(x));
    return (
        <div className="home">
            <h1>DeAI Atlas</h1>
            <p className="lead">A sourced registry of AI accelerators, inference runtimes and open models, and a chat router, on the Internet Computer.</p>
            <ul className="cards">
                <li><a href={formatHash(['explore', 'hardware'])}><strong>{n(data.hardware.length)}</strong> hardware</a></li>
                <li><a href={formatHash(['explore', 'runtimes'])}><strong>{n(data.runtimes.length)}</strong> runtimes</a></li>
                <li><a href={formatHash(['explore', 'models'])}><strong>{n(data.models.length)}</strong> models</a></li>
                <li><a href={formatHash(['explore', 'benchmarks'])}><strong>{n(data.benchmarks.length)}</strong> benchmark results</a></li>
            </ul>
            <p>Compare accelerators on <a href={formatHash(['plots'])}>performance per watt and per dollar</a>, check whether a model <a href={formatHash(['fit'])}>fits your device</a>, or <a href={formatHash(['chat'])}>ask the agent</a>.</p>
        </div>
    );
}
