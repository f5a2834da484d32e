/**
 * Arguments of manual methods in their domain form (what `fromWire` makes of IDL.decode's output), read by
 * the compiled decoder of value-decoder.ts when the message's prefix is exactly the declared one, by
 * IDL.decode otherwise. Built at module initialisation: query calls cannot keep heap changes.
 *
 * Why: IDL.decode costs ~8 M instructions for a list request (a fifth of a list call after the reply
 * encoder); the compiled decoder a few hundred thousand.
 */
import { IDL, msgArgData } from 'azle';

import { messagePrefix } from './type-table';
import { compileValueDecoder, decodeAllWith, latin1 } from './value-decoder';
import { fromWire } from './wire-mapping';

export type ArgsReader = () => unknown[];

export function argsReader(types: IDL.Type[]): ArgsReader {
    const prefix = latin1(messagePrefix(types));
    const decoders = types.map((t) => compileValueDecoder(t));
    return () => {
        const bytes = msgArgData();
        return decodeAllWith(prefix, decoders, bytes) ?? IDL.decode(types, bytes).map((v, i) => fromWire(types[i] as IDL.Type, v));
    };
}
