import { describe, expect, it } from 'vitest';
import { bestNameMatch, nameVariants, namesMatch, splitAuthors, type MatchStrength } from '@/domain/review/name-match';

const strength = (a: string, b: string): MatchStrength | null => namesMatch(a, b)?.strength ?? null;

describe('the forms of 张伟', () => {
  it.each([
    ['Zhang Wei'],
    ['Wei Zhang'],
    ['ZHANG Wei'],
    ['Wei ZHANG'],
    ['Zhang, Wei'],
    ['zhangwei'],
    ['weizhang'],
    ['ZHANG WEI'],
    ['Zhāng Wěi'],
    ['ＺＨＡＮＧ Ｗｅｉ'], // full-width letters
  ])('张伟 ~ %s is a romanised match', (latin) => {
    const m = namesMatch('张伟', latin);
    expect(m).toMatchObject({ strength: 'romanised', basis: 'PINYIN', variant: 'Zhang Wei', a: '张伟', b: latin });
    // Symmetric.
    expect(namesMatch(latin, '张伟')?.strength).toBe('romanised');
  });

  it('the same characters are exact, spaces and middle dots aside', () => {
    expect(namesMatch('张伟', '张伟')).toMatchObject({ strength: 'exact', basis: 'SAME_CHARACTERS' });
    expect(strength('张 伟', '张伟')).toBe('exact');
    expect(strength('阿依古丽·买买提', '阿依古丽买买提')).toBe('exact');
  });

  it.each([
    ['Zhang Wei', 'Wei Zhang'],
    ['Zhang Wei', 'ZHANG Wei'],
    ['Zhang Wei', 'Zhang, Wei'],
    ['Zhang Wei', 'zhangwei'],
    ['Wei ZHANG', 'Zhang, Wei'],
    ['Zhāng Wěi', 'zhang wei'],
  ])('%s ~ %s: the same spelling is exact', (a, b) => {
    expect(namesMatch(a, b)).toMatchObject({ strength: 'exact', basis: 'SAME_SPELLING' });
  });

  it('a surname marked by capitals or a comma must agree', () => {
    // "WEI Zhang" says the surname is Wei: not the Zhang Wei of "ZHANG Wei".
    expect(strength('ZHANG Wei', 'WEI Zhang')).toBeNull();
    expect(strength('Zhang, Wei', 'Wei, Zhang')).toBeNull();
    expect(strength('张伟', 'WEI Zhang')).toBeNull();
    expect(strength('张伟', 'Wei, Zhang')).toBeNull();
  });

  it('a name in both scripts matches through either', () => {
    expect(namesMatch('张伟 (Zhang Wei)', 'Wei Zhang')).toMatchObject({ strength: 'exact', basis: 'SAME_SPELLING' });
    expect(strength('张伟（Zhang Wei）', '张伟')).toBe('exact');
  });
});

describe('false positives', () => {
  it('two different names in characters never match, even with the same pinyin', () => {
    expect(namesMatch('张伟', '章伟')).toBeNull();
    expect(namesMatch('张伟', '张玮')).toBeNull();
    expect(namesMatch('李娜', '李那')).toBeNull();
  });

  it('the same pinyin with different characters is romanised only when one side is romanised', () => {
    expect(strength('章伟', 'Zhang Wei')).toBe('romanised');
  });

  it('characters decide between people known by several names', () => {
    // Both have characters and they differ: their identical romanisations do not make them one person.
    expect(bestNameMatch(['章伟', 'Zhang Wei'], ['张伟', 'Zhang Wei'])).toBeNull();
    expect(bestNameMatch(['张伟', 'Zhang Wei'], ['Zhang W.', '张伟'])).toMatchObject({ strength: 'exact' });
    // Only one has characters: the romanisations may match.
    expect(bestNameMatch(['张伟', 'Zhang Wei'], ['Wei Zhang'])).toMatchObject({ strength: 'exact' });
    // Traditional and simplified are different strings unless both are listed.
    expect(bestNameMatch(['張偉'], ['张伟'])).toBeNull();
    expect(bestNameMatch(['张伟', '張偉'], ['張偉'])).toMatchObject({ strength: 'exact' });
  });

  it('different given names, surnames or initials do not match', () => {
    expect(strength('Zhang Wei', 'Zhang Wen')).toBeNull();
    expect(strength('张伟', 'Zhang Wen')).toBeNull();
    expect(strength('张伟', 'Zhang Y.')).toBeNull();
    expect(strength('张伟', 'Li W.')).toBeNull();
    expect(strength('张晓明', 'Zhang X.Y.')).toBeNull();
    expect(strength('张伟', 'Zhang Weiwei')).toBeNull();
    expect(strength('', 'Zhang Wei')).toBeNull();
    expect(strength('W.', 'Zhang Wei')).toBeNull();
  });
});

describe('compound surnames (复姓)', () => {
  it.each([
    ['欧阳娜娜', 'Ouyang Nana'],
    ['欧阳娜娜', 'Nana Ouyang'],
    ['欧阳娜娜', 'OUYANG Nana'],
    ['欧阳娜娜', 'Ouyang, Nana'],
    ['欧阳娜娜', 'Ou Yang Nana'],
    ['欧阳娜娜', 'ouyangnana'],
    ['歐陽娜娜', 'Ouyang Nana'],
    ['司马光', 'Sima Guang'],
    ['诸葛亮', 'Zhuge Liang'],
    ['上官婉儿', "Shangguan Wan'er"],
    ['东方明', 'Dongfang Ming'],
    ['皇甫明', 'Huangfu Ming'],
    ['公孙明', 'Gongsun Ming'],
    ['慕容复', 'Murong Fu'],
    ['令狐冲', 'Linghu Chong'],
    ['长孙无忌', 'Zhangsun Wuji'],
    ['宇文泰', 'Yuwen Tai'],
    ['司徒明', 'Situ Ming'],
    ['夏侯明', 'Xiahou Ming'],
    ['端木明', 'Duanmu Ming'],
  ])('%s ~ %s', (han, latin) => {
    expect(strength(han, latin)).toBe('romanised');
  });

  it('the compound surname is kept whole with initials', () => {
    expect(namesMatch('欧阳娜娜', 'Ouyang N.')).toMatchObject({ strength: 'initial', variant: 'Ouyang N.' });
    expect(strength('欧阳娜娜', 'Ou N.')).toBeNull();
  });
});

describe('polyphonic surnames take their surname reading', () => {
  it.each([
    ['单田芳', 'Shan Tianfang', 'Dan Tianfang'],
    ['曾国藩', 'Zeng Guofan', 'Ceng Guofan'],
    ['区志伟', 'Ou Zhiwei', 'Qu Zhiwei'],
    ['解缙', 'Xie Jin', 'Jie Jin'],
    ['仇英', 'Qiu Ying', 'Chou Ying'],
    ['朴槿惠', 'Piao Jinhui', 'Pu Jinhui'],
    ['尉迟恭', 'Yuchi Gong', 'Weichi Gong'],
    ['万俟明', 'Moqi Ming', 'Wansi Ming'],
    ['单于明', 'Chanyu Ming', 'Shanyu Ming'],
    ['种明', 'Chong Ming', 'Zhong Ming'],
    ['秘明', 'Bi Ming', 'Mi Ming'],
  ])('%s is %s, not %s', (han, right, wrong) => {
    expect(strength(han, right)).toBe('romanised');
    expect(strength(han, wrong)).toBeNull();
  });

  it('surnames with two readings in use match both', () => {
    expect(strength('乐嘉', 'Yue Jia')).toBe('romanised');
    expect(strength('乐嘉', 'Le Jia')).toBe('romanised');
    expect(strength('查良镛', 'Zha Liangyong')).toBe('romanised');
    expect(strength('查良镛', 'Cha Liangyong')).toBe('romanised');
    expect(strength('盖明', 'Ge Ming')).toBe('romanised');
    expect(strength('盖明', 'Gai Ming')).toBe('romanised');
  });

  it('a polyphonic character in the given name matches each of its readings', () => {
    expect(strength('张乐', 'Zhang Le')).toBe('romanised');
    expect(strength('张乐', 'Zhang Yue')).toBe('romanised');
    expect(strength('王长明', 'Wang Changming')).toBe('romanised');
    expect(strength('王长明', 'Wang Zhangming')).toBe('romanised');
  });
});

describe('given names: hyphens, spaces and joined syllables', () => {
  it.each([
    'Xiao-Ming Zhang',
    'Xiaoming Zhang',
    'Xiao Ming Zhang',
    'Zhang Xiao-Ming',
    'ZHANG Xiaoming',
    'Zhang, Xiao-ming',
  ])('张晓明 ~ %s', (latin) => {
    expect(strength('张晓明', latin)).toBe('romanised');
  });
  it('the spellings agree exactly with each other', () => {
    expect(strength('Xiao-Ming Zhang', 'Zhang Xiaoming')).toBe('exact');
    expect(strength('Xiao Ming Zhang', 'Zhang, Xiao-Ming')).toBe('exact');
    expect(strength("Shangguan Wan'er", 'Shangguan Waner')).toBe('exact');
  });
  it('joining syllables keeps l/n + yu consistent (安宇 An-yu, 林雨 Lin Yu)', () => {
    expect(strength('安宇', 'Anyu')).toBe('romanised');
    expect(strength('王欣宇', 'Wang Xinyu')).toBe('romanised');
    expect(strength('王欣宇', 'Xin Yu Wang')).toBe('romanised');
    expect(strength('林雨', 'Lin Yu')).toBe('romanised');
    expect(strength('林雨', 'linyu')).toBe('romanised');
  });
});

describe('ü written ü, v, yu or u', () => {
  it.each(['Lü Wei', 'Lv Wei', 'LYU Wei', 'Lu: Wei', 'Wei Lü'])('吕伟 ~ %s through pinyin', (latin) => {
    expect(namesMatch('吕伟', latin)).toMatchObject({ strength: 'romanised', basis: 'PINYIN' });
  });
  it('plain u is a folded, weaker explanation (Lu is also 卢)', () => {
    expect(namesMatch('吕伟', 'Lu Wei')).toMatchObject({ strength: 'romanised', basis: 'U_FOLDED' });
    expect(namesMatch('卢伟', 'Lu Wei')).toMatchObject({ strength: 'romanised', basis: 'PINYIN' });
    expect(namesMatch('吕伟', '卢伟')).toBeNull();
  });
  it('between spellings: ü/v/yu are the same letter, u is not', () => {
    expect(strength('Lü Wei', 'Lv Wei')).toBe('exact');
    expect(strength('Lü Wei', 'LYU Wei')).toBe('exact');
    expect(namesMatch('Lü Wei', 'Lu Wei')).toMatchObject({ strength: 'romanised', basis: 'U_FOLDED' });
    expect(strength('女娲', 'Nü Wa')).toBe('romanised');
  });
});

describe('initials in citations are a weaker match', () => {
  it.each([
    ['张伟', 'Zhang W.', 'Zhang W.'],
    ['张伟', 'Zhang W', 'Zhang W.'],
    ['张伟', 'ZHANG W', 'Zhang W.'],
    ['张伟', 'W. Zhang', 'Zhang W.'],
    ['张伟', 'W.Zhang', 'Zhang W.'],
    ['张伟', 'Zhang, W.', 'Zhang W.'],
    ['张晓明', 'Zhang X.M.', 'Zhang X.M.'],
    ['张晓明', 'Zhang X.-M.', 'Zhang X.M.'],
    ['张晓明', 'Zhang XM', 'Zhang X.M.'],
    ['张晓明', 'X.-M. Zhang', 'Zhang X.M.'],
    ['张晓明', 'X. Zhang', 'Zhang X.'],
    ['Zhang Xiaoming', 'Zhang X.M.', 'Zhang X.M.'],
    ['Xiao-Ming Zhang', 'Zhang X.M.', 'Zhang X.M.'],
    ['John Smith', 'J. Smith', 'Smith J.'],
  ])('%s ~ %s is an initial match, shown as %s', (full, cited, variant) => {
    expect(namesMatch(full, cited)).toEqual({ strength: 'initial', basis: 'INITIALS', a: full, b: cited, variant });
  });
  it('two citations with the same initials stay initial', () => {
    expect(strength('Zhang W.', 'W. Zhang')).toBe('initial');
    expect(strength('Zhang X.', 'Zhang X.M.')).toBe('initial');
    expect(strength('Zhang X.Y.', 'Zhang X.M.')).toBeNull();
  });
  it('a full match outranks an initial one among several names', () => {
    expect(bestNameMatch(['Zhang W.', 'Zhang Wei'], ['张伟'])).toMatchObject({ strength: 'romanised' });
  });
  it('a capitalised surname is not mistaken for initials', () => {
    expect(strength('吴晓明', 'WU Xiaoming')).toBe('romanised');
    expect(strength('吴晓明', 'WU X.')).toBe('initial');
  });
});

describe('other names', () => {
  it('matches Western names in either order', () => {
    expect(strength('John Smith', 'Smith, John')).toBe('exact');
    expect(strength('Mary Ann Smith', 'Smith, Mary Ann')).toBe('exact');
    expect(strength('John Smith', 'Jane Smith')).toBeNull();
  });
  it('reads transcribed names with a middle dot part by part', () => {
    expect(strength('阿依古丽·买买提', 'Ayiguli Maimaiti')).toBe('romanised');
    expect(strength('阿依古丽·买买提', 'Maimaiti Ayiguli')).toBe('romanised');
  });
});

describe('nameVariants', () => {
  it('lists the characters and both orders of the likeliest reading', () => {
    expect(nameVariants('张伟')).toEqual(['张伟', 'Zhang Wei', 'Wei Zhang']);
    expect(nameVariants('欧阳娜娜')).toEqual(['欧阳娜娜', 'Ouyang Nana', 'Nana Ouyang']);
    expect(nameVariants('吕伟')).toEqual(['吕伟', 'Lü Wei', 'Wei Lü']);
    expect(nameVariants('尉迟恭')).toEqual(['尉迟恭', 'Yuchi Gong', 'Gong Yuchi']);
  });
  it('lists both readings of a two-reading surname', () => {
    expect(nameVariants('乐嘉')).toEqual(['乐嘉', 'Yue Jia', 'Jia Yue', 'Le Jia', 'Jia Le']);
  });
  it('normalises a romanised name', () => {
    expect(nameVariants('ZHANG Wei')).toEqual(['ZHANG Wei', 'Zhang Wei', 'Wei Zhang']);
    expect(nameVariants('Zhang W.')).toEqual(['Zhang W.']);
  });
  it('every variant matches the name it came from', () => {
    for (const name of ['张伟', '欧阳娜娜', '吕伟', '单田芳', '张晓明']) {
      for (const v of nameVariants(name)) expect(namesMatch(name, v), `${name} ~ ${v}`).not.toBeNull();
    }
  });
});

describe('splitAuthors', () => {
  it.each([
    ['张伟，李娜、王芳', ['张伟', '李娜', '王芳']],
    ['张伟, 李娜, 王芳等', ['张伟', '李娜', '王芳']],
    ['张伟 李娜 王芳', ['张伟', '李娜', '王芳']],
    ['张 伟，李娜', ['张 伟', '李娜']],
    ['Zhang W, Li N, Wang F', ['Zhang W', 'Li N', 'Wang F']],
    ['Zhang, W.; Li, N.', ['Zhang, W.', 'Li, N.']],
    ['Zhang, W., Li, N., Wang, F.', ['Zhang, W.', 'Li, N.', 'Wang, F.']],
    ['Zhang, Wei, Li, Na', ['Zhang, Wei', 'Li, Na']],
    ['Wei Zhang and Na Li', ['Wei Zhang', 'Na Li']],
    ['Wei Zhang, Na Li & Fang Wang', ['Wei Zhang', 'Na Li', 'Fang Wang']],
    ['Zhang W*, Li N#, Wang F, et al.', ['Zhang W', 'Li N', 'Wang F']],
    ['张伟1,2, 李娜2*', ['张伟', '李娜']],
  ])('%s', (line, names) => {
    expect(splitAuthors(line)).toEqual(names);
  });
});
