const SHIM = new URL('./text-encoding.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
    if (specifier === '@sinonjs/text-encoding') return { url: SHIM, shortCircuit: true };
    return next(specifier, context);
}
