// Generated proposal text, shared by the demo seed and the load scripts. Pure: no database, no server modules.

/** Proposal text of roughly the length a real section has (well above the minimums). */
export function section(topic: string, kind: string, sentences: number): string {
  const lines = [
    `本项目围绕${topic}开展${kind}。`,
    '在前期工作基础上，项目组将系统梳理国内外研究现状，明确拟解决的关键科学问题。',
    '研究将结合理论分析、数值模拟与实验验证，逐步建立完整的方法体系，并在典型场景中检验其有效性。',
    '项目预期形成具有自主知识产权的原创成果，为相关领域的基础研究和应用转化提供支撑。',
    '项目组成员分工明确，研究条件完备，依托单位提供必要的平台和经费保障。',
    '研究过程中将注重青年人才培养，每年组织学术交流，及时总结阶段性进展。',
  ];
  return Array.from({ length: sentences }, (_, i) => lines[i % lines.length]).join('');
}
