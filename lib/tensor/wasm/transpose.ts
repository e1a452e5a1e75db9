import { f32, Fn, forRange, get, i32, type Code, type Local } from './asm';
import type { FuncDef } from './encode';

/*
 * b (cols×rows) = aᵀ for a (rows×cols), both dense. Used on weight matrices (a few thousand to a few hundred
 * thousand floats, once per backward pass or per generate call), so a plain loop is enough.
 */

const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));

export function transposeDef(): FuncDef {
  const f = new Fn('transpose', ['a', 'b', 'rows', 'cols']);
  const { a, b, rows, cols } = f.p as Record<string, Local>;
  const [i, j] = [f.local('i32'), f.local('i32')];
  return f.def(
    forRange(i, i32.const(0), get(rows!), 1,
      forRange(j, i32.const(0), get(cols!), 1,
        f32.store(at(get(b!), i32.add(i32.mul(get(j), get(rows!)), get(i))), f32.load(at(get(a!), i32.add(i32.mul(get(i), get(cols!)), get(j))))),
      ),
    ),
  );
}
