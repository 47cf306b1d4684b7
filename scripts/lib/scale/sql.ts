// The generator's shared SQL: one connection (the helpers below are session-temporary functions) and seeded
// pseudo-random numbers that depend only on (seed, tag, n), never on row order or plan, so the same seed gives the
// same content on any server.
import type pg from 'pg';

export interface ScaleSize {
  applications: number;
  researchers: number;
  experts: number;
}

/** 20 000 researchers and 5 000 experts per 50 000 applications (issue 10), never fewer than a handful. */
export function scaleSize(applications: number): ScaleSize {
  return {
    applications,
    researchers: Math.max(20, Math.round((applications * 2) / 5)),
    experts: Math.max(40, Math.round(applications / 10)),
  };
}

/**
 * pg_temp.r(tag, n): a number in [0, 1) from md5(seed:tag:n). pg_temp.uid(tag, n): a UUID from the same hash, with the
 * version nibble 8 (RFC 9562 "custom") and the RFC variant, so the app's z.uuid() accepts it in URLs.
 * pg_temp.pick(arr, x): the element of a text array at fraction x. pg_temp.ri(tag, n, lo, hi): an integer in [lo, hi].
 */
export async function installHelpers(client: pg.Client, seed: string) {
  const s = client.escapeLiteral(`${seed}:`);
  await client.query(`
    create or replace function pg_temp.r(tag text, n bigint) returns float8 language sql immutable parallel safe as
      $$ select ('x' || substr(md5(${s} || tag || ':' || n), 1, 8))::bit(32)::bigint::float8 / 4294967296::float8 $$;
    create or replace function pg_temp.uid(tag text, n bigint) returns uuid language sql immutable parallel safe as
      $$ select (substr(h, 1, 12) || '8' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
           from (select md5(${s} || 'id:' || tag || ':' || n) as h) x $$;
    create or replace function pg_temp.ri(tag text, n bigint, lo int, hi int) returns int language sql immutable as
      $$ select lo + floor(pg_temp.r(tag, n) * (hi - lo + 1))::int $$;
    create or replace function pg_temp.pick(arr text[], x float8) returns text language sql immutable as
      $$ select arr[1 + floor(x * cardinality(arr))::int] $$;
  `);
}

export type Stage = (client: pg.Client, size: ScaleSize) => Promise<void>;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉健俊帆宇浩然晨曦博文思远志雯婷欣怡子轩梓涵一诺昊天睿哲雨桐嘉懿晓东海峰建国立新振宇永刚春燕秋菊冬梅';

/** A SQL expression for a Chinese name from the tag's hash of n: one surname and one or two given characters. */
export function nameSql(tag: string, n: string) {
  return `(substr('${SURNAMES}', 1 + floor(pg_temp.r('${tag}-s', ${n}) * ${[...SURNAMES].length})::int, 1)
    || substr('${GIVEN}', 1 + floor(pg_temp.r('${tag}-g1', ${n}) * ${[...GIVEN].length})::int, 1)
    || case when pg_temp.r('${tag}-g2', ${n}) < 0.6
         then substr('${GIVEN}', 1 + floor(pg_temp.r('${tag}-g3', ${n}) * ${[...GIVEN].length})::int, 1) else '' end)`;
}

/** A SQL text[] literal. */
export function textArray(values: readonly string[]) {
  return `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}
