// Demo challenges for the seeded portal (演示数据). Written for demonstration: realistic in form, not real calls;
// figures are plausible orders of magnitude, not commitments of any real organisation.
export interface DemoChallengeTarget {
  name: string;
  nameEn: string;
  unit: string;
  comparator: 'GTE' | 'LTE' | 'EQ' | 'RANGE';
  targetValue: string;
  targetMin?: string;
  targetMax?: string;
  acceptanceMethod: string;
  acceptanceMethodEn: string;
}
export interface DemoChallenge {
  fieldCode:
    | 'AI'
    | 'BASIC_MATERIALS'
    | 'FUNCTIONAL_MATERIALS'
    | 'ADVANCED_MANUFACTURING'
    | 'INTEGRATED_CIRCUITS'
    | 'BLOCKCHAIN'
    | 'BASIC_SOFTWARE'
    | 'OPERATING_SYSTEMS'
    | 'BIOMEDICINE'
    | 'BIO_BREEDING'
    | 'MEDICAL_DEVICES'
    | 'SCIENTIFIC_INSTRUMENTS';
  issuer: 'ENTERPRISE' | 'COMMISSION';
  title: string;
  titleEn: string;
  problem: string;
  problemEn: string;
  deliverables: { name: string; nameEn: string }[];
  targets: DemoChallengeTarget[];
  durationMonths: number;
  fiscalWan: string;
  selectionMode: 'SINGLE' | 'HORSE_RACE';
  teamCount: number;
  cutAfterMonths?: number;
  keepAfterCut?: number;
  chiefScientistRequirements: string;
  chiefScientistRequirementsEn: string;
  pledgeWan?: string;
}

const CHIEF = '具有正高级专业技术职称，全职在京高校工作，每年投入本项目的时间不少于8个月。';
const CHIEF_EN = 'Full senior title, full-time at a Beijing university, at least eight months a year on the project.';

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    fieldCode: 'AI',
    issuer: 'ENTERPRISE',
    title: '面向国产智能芯片的大模型推理能效提升方法',
    titleEn: 'Energy-efficient large-model inference on domestic AI chips',
    problem:
      '大模型推理成本已成为行业应用的主要瓶颈。现有压缩与调度方法多针对国外通用加速器设计，在国产智能芯片上难以发挥硬件能力。亟需从低比特量化理论、稀疏计算与存算协同等基础问题入手，提出适配国产芯片的推理方法，在精度损失可控的前提下显著提高能效。',
    problemEn:
      'The cost of large-model inference is the main bottleneck of industrial use. Compression and scheduling methods are designed for foreign accelerators and under-use domestic AI chips. The challenge asks for inference methods for domestic chips, grounded in low-bit quantisation theory, sparse computation and memory-compute co-design, that raise energy efficiency markedly at a bounded loss of accuracy.',
    deliverables: [
      { name: '推理优化方法与开源工具链', nameEn: 'Inference optimisation methods and an open-source toolchain' },
      { name: '第三方测评报告', nameEn: 'Third-party evaluation report' },
    ],
    targets: [
      {
        name: '推理能效',
        nameEn: 'Inference energy efficiency',
        unit: 'tokens/J',
        comparator: 'GTE',
        targetValue: '≥ 3 倍于基线',
        acceptanceMethod: '在指定国产芯片上由第三方机构按公开基准测试',
        acceptanceMethodEn: 'Third-party test on the designated domestic chip with a public benchmark',
      },
      {
        name: '精度损失',
        nameEn: 'Accuracy loss',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 1',
        acceptanceMethod: '在公开评测集上与全精度模型对比',
        acceptanceMethodEn: 'Compared with the full-precision model on public test sets',
      },
      {
        name: '支持模型规模',
        nameEn: 'Model size supported',
        unit: '亿参数',
        comparator: 'GTE',
        targetValue: '≥ 700',
        acceptanceMethod: '现场演示',
        acceptanceMethodEn: 'On-site demonstration',
      },
    ],
    durationMonths: 36,
    fiscalWan: '800',
    selectionMode: 'HORSE_RACE',
    teamCount: 3,
    cutAfterMonths: 12,
    keepAfterCut: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '400',
  },
  {
    fieldCode: 'BASIC_MATERIALS',
    issuer: 'COMMISSION',
    title: '高端轴承钢夹杂物控制的冶金机理',
    titleEn: 'Metallurgical mechanisms of inclusion control in high-end bearing steel',
    problem:
      '高端轴承钢的疲劳寿命受非金属夹杂物尺寸与分布控制。现有工艺依赖经验调整，缺乏对夹杂物形成、演变与去除过程的定量认识。需建立冶炼—凝固—热加工全过程夹杂物演变模型，提出可工程验证的控制方法。',
    problemEn:
      'The fatigue life of high-end bearing steel is governed by the size and distribution of non-metallic inclusions. Current practice is empirical. The challenge asks for a quantitative model of how inclusions form, evolve and are removed from smelting through solidification to hot working, and for control methods that can be verified in production.',
    deliverables: [
      { name: '夹杂物演变模型与控制工艺方案', nameEn: 'Inclusion evolution model and process control scheme' },
      { name: '中试验证报告', nameEn: 'Pilot-scale verification report' },
    ],
    targets: [
      {
        name: '最大夹杂物尺寸',
        nameEn: 'Largest inclusion size',
        unit: 'μm',
        comparator: 'LTE',
        targetValue: '≤ 15',
        acceptanceMethod: '按国家标准方法由第三方检测',
        acceptanceMethodEn: 'Third-party test by the national standard method',
      },
      {
        name: '接触疲劳寿命 L10',
        nameEn: 'Contact fatigue life L10',
        unit: '次',
        comparator: 'GTE',
        targetValue: '≥ 1×10⁸',
        acceptanceMethod: '第三方疲劳试验',
        acceptanceMethodEn: 'Third-party fatigue test',
      },
    ],
    durationMonths: 36,
    fiscalWan: '600',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
  {
    fieldCode: 'FUNCTIONAL_MATERIALS',
    issuer: 'ENTERPRISE',
    title: '高稳定钙钛矿光伏材料的失效机理与稳定化策略',
    titleEn: 'Failure mechanisms and stabilisation of perovskite photovoltaic materials',
    problem:
      '钙钛矿太阳能电池效率提升迅速，但在光、热、湿耦合作用下性能衰减快，制约产业化。需揭示离子迁移、界面反应等失效机理，发展组分、界面与封装协同的稳定化策略。',
    problemEn:
      'Perovskite solar cells gain efficiency fast but degrade under combined light, heat and humidity, which blocks industrial use. The challenge asks for the failure mechanisms (ion migration, interfacial reactions) and for stabilisation combining composition, interfaces and encapsulation.',
    deliverables: [
      { name: '稳定化材料体系与器件样品', nameEn: 'Stabilised material system and device samples' },
      { name: '加速老化测试报告', nameEn: 'Accelerated ageing test report' },
    ],
    targets: [
      {
        name: '器件光电转换效率',
        nameEn: 'Power conversion efficiency',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 25',
        acceptanceMethod: '国家级计量机构认证测试',
        acceptanceMethodEn: 'Certified test by a national metrology institute',
      },
      {
        name: '湿热老化后效率保持率（85℃/85%RH，1000小时）',
        nameEn: 'Efficiency retained after damp heat (85 °C/85 % RH, 1,000 h)',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 90',
        acceptanceMethod: '第三方按国际通用老化规程测试',
        acceptanceMethodEn: 'Third-party test by the common international ageing protocol',
      },
    ],
    durationMonths: 36,
    fiscalWan: '500',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 18,
    keepAfterCut: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '300',
  },
  {
    fieldCode: 'ADVANCED_MANUFACTURING',
    issuer: 'COMMISSION',
    title: '精密减速器齿面微观形貌与传动误差的关联机理',
    titleEn: 'How tooth-surface microtopography drives transmission error in precision reducers',
    problem:
      '工业机器人精密减速器的传动精度与寿命受齿面微观形貌显著影响，加工—装配—服役过程中误差传递机理尚不清楚。需建立齿面形貌与传动误差、磨损演化的定量关系，提出精度保持的设计与工艺方法。',
    problemEn:
      'The accuracy and life of precision reducers in industrial robots depend strongly on tooth-surface microtopography, yet how errors propagate through machining, assembly and service is unclear. The challenge asks for quantitative links between topography, transmission error and wear, and for design and process methods that keep accuracy.',
    deliverables: [
      { name: '误差传递模型与设计方法', nameEn: 'Error propagation model and design method' },
      { name: '样机及测试报告', nameEn: 'Prototype and test report' },
    ],
    targets: [
      {
        name: '传动误差',
        nameEn: 'Transmission error',
        unit: '角秒',
        comparator: 'LTE',
        targetValue: '≤ 30',
        acceptanceMethod: '第三方精度测试',
        acceptanceMethodEn: 'Third-party accuracy test',
      },
      {
        name: '精度保持寿命',
        nameEn: 'Accuracy retention life',
        unit: '小时',
        comparator: 'GTE',
        targetValue: '≥ 10000',
        acceptanceMethod: '加速寿命试验',
        acceptanceMethodEn: 'Accelerated life test',
      },
    ],
    durationMonths: 36,
    fiscalWan: '500',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
  {
    fieldCode: 'INTEGRATED_CIRCUITS',
    issuer: 'ENTERPRISE',
    title: '先进封装芯粒互连的热—力耦合可靠性机理',
    titleEn: 'Thermo-mechanical reliability of chiplet interconnects in advanced packaging',
    problem:
      '芯粒（Chiplet）异构集成依赖高密度微凸点与混合键合互连，热—力耦合导致的开裂与电迁移是主要失效模式。需建立多尺度可靠性模型，提出面向设计的寿命预测与结构优化方法。',
    problemEn:
      'Heterogeneous chiplet integration relies on dense micro-bumps and hybrid bonding; cracking and electromigration under coupled heat and stress are the main failure modes. The challenge asks for multiscale reliability models and design-oriented life prediction and structural optimisation.',
    deliverables: [
      { name: '多尺度可靠性仿真工具', nameEn: 'Multiscale reliability simulation tool' },
      { name: '测试芯片与可靠性报告', nameEn: 'Test chips and reliability report' },
    ],
    targets: [
      {
        name: '互连节距',
        nameEn: 'Interconnect pitch',
        unit: 'μm',
        comparator: 'LTE',
        targetValue: '≤ 10',
        acceptanceMethod: '测试芯片剖面分析',
        acceptanceMethodEn: 'Cross-section analysis of test chips',
      },
      {
        name: '寿命预测误差',
        nameEn: 'Life prediction error',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 15',
        acceptanceMethod: '与温度循环试验结果对比',
        acceptanceMethodEn: 'Compared with thermal-cycling test results',
      },
      {
        name: '温度循环次数（-55℃至125℃）',
        nameEn: 'Thermal cycles (−55 °C to 125 °C)',
        unit: '次',
        comparator: 'GTE',
        targetValue: '≥ 1000',
        acceptanceMethod: '第三方可靠性试验',
        acceptanceMethodEn: 'Third-party reliability test',
      },
    ],
    durationMonths: 36,
    fiscalWan: '1000',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 12,
    keepAfterCut: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '500',
  },
  {
    fieldCode: 'BLOCKCHAIN',
    issuer: 'COMMISSION',
    title: '支持隐私保护的高性能联盟链共识与验证机制',
    titleEn: 'High-throughput consortium-chain consensus with privacy-preserving verification',
    problem:
      '政务与金融联盟链同时要求高吞吐、强一致与数据隐私，现有共识协议与零知识证明方案在性能上难以兼顾。需研究可扩展共识理论与高效隐私验证方法，形成可在国产软硬件上运行的原型系统。',
    problemEn:
      'Consortium chains for government and finance need high throughput, strong consistency and data privacy at once; current consensus protocols and zero-knowledge schemes cannot deliver all three. The challenge asks for scalable consensus theory and efficient privacy-preserving verification, in a prototype that runs on domestic software and hardware.',
    deliverables: [
      { name: '共识协议与形式化证明', nameEn: 'Consensus protocol with formal proofs' },
      { name: '原型系统与测试报告', nameEn: 'Prototype system and test report' },
    ],
    targets: [
      {
        name: '交易吞吐量',
        nameEn: 'Transaction throughput',
        unit: 'TPS',
        comparator: 'GTE',
        targetValue: '≥ 50000',
        acceptanceMethod: '100节点环境第三方测试',
        acceptanceMethodEn: 'Third-party test on 100 nodes',
      },
      {
        name: '零知识证明验证时间',
        nameEn: 'Zero-knowledge proof verification time',
        unit: 'ms',
        comparator: 'LTE',
        targetValue: '≤ 10',
        acceptanceMethod: '现场测试',
        acceptanceMethodEn: 'On-site test',
      },
    ],
    durationMonths: 24,
    fiscalWan: '400',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
  {
    fieldCode: 'BASIC_SOFTWARE',
    issuer: 'ENTERPRISE',
    title: '面向国产数据库的智能查询优化理论与方法',
    titleEn: 'Learned query optimisation for domestic database systems',
    problem:
      '复杂分析查询的执行计划选择决定数据库性能，传统代价模型在数据分布变化时误差大。需研究基数估计与计划选择的学习理论，兼顾可解释性与最坏情况保障，在国产数据库中实现。',
    problemEn:
      'Plan choice decides the performance of complex analytical queries, and classic cost models err badly when data distributions shift. The challenge asks for learning theory for cardinality estimation and plan selection, with explainability and worst-case guarantees, implemented in a domestic database.',
    deliverables: [
      { name: '查询优化器原型（开源）', nameEn: 'Open-source optimiser prototype' },
      { name: '基准测试报告', nameEn: 'Benchmark report' },
    ],
    targets: [
      {
        name: '标准基准端到端加速比',
        nameEn: 'End-to-end speed-up on a standard benchmark',
        unit: '倍',
        comparator: 'GTE',
        targetValue: '≥ 2',
        acceptanceMethod: '按公开基准第三方复现',
        acceptanceMethodEn: 'Third-party reproduction on a public benchmark',
      },
      {
        name: '最坏情况性能回退',
        nameEn: 'Worst-case regression',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 5',
        acceptanceMethod: '全量查询对比',
        acceptanceMethodEn: 'Comparison over the whole query set',
      },
    ],
    durationMonths: 30,
    fiscalWan: '450',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '200',
  },
  {
    fieldCode: 'OPERATING_SYSTEMS',
    issuer: 'COMMISSION',
    title: '面向混合关键系统的操作系统内核形式化验证',
    titleEn: 'Formal verification of an operating-system kernel for mixed-criticality systems',
    problem:
      '交通、能源等领域的混合关键系统要求内核在功能隔离与实时性方面可证明正确。现有验证方法成本高、难以覆盖多核调度。需研究可组合的验证方法与工具，完成关键内核模块的机器检查证明。',
    problemEn:
      'Mixed-criticality systems in transport and energy need kernels whose isolation and timing are provably correct. Current verification is costly and hardly covers multicore scheduling. The challenge asks for compositional verification methods and tools and machine-checked proofs of the key kernel modules.',
    deliverables: [
      { name: '经形式化验证的内核模块', nameEn: 'Formally verified kernel modules' },
      { name: '验证工具与证明脚本（开源）', nameEn: 'Open-source verification tools and proof scripts' },
    ],
    targets: [
      {
        name: '已验证代码规模',
        nameEn: 'Verified code size',
        unit: '行',
        comparator: 'GTE',
        targetValue: '≥ 10000',
        acceptanceMethod: '专家组现场复核证明',
        acceptanceMethodEn: 'Expert panel re-checks the proofs on site',
      },
      {
        name: '最坏响应时间上界',
        nameEn: 'Worst-case response time bound',
        unit: 'μs',
        comparator: 'LTE',
        targetValue: '≤ 50',
        acceptanceMethod: '实测与理论分析对比',
        acceptanceMethodEn: 'Measurements compared with the analysis',
      },
    ],
    durationMonths: 36,
    fiscalWan: '600',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 12,
    keepAfterCut: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
  {
    fieldCode: 'BIOMEDICINE',
    issuer: 'ENTERPRISE',
    title: '阿尔茨海默病早期血液标志物的发现与验证',
    titleEn: 'Discovery and validation of early blood biomarkers for Alzheimer’s disease',
    problem:
      '阿尔茨海默病早期诊断依赖影像与脑脊液检测，成本高、可及性差。需基于多组学与队列研究发现早期血液标志物，阐明其生物学机制，并在独立队列中验证诊断效能。',
    problemEn:
      'Early diagnosis of Alzheimer’s disease relies on imaging and cerebrospinal fluid tests that are costly and hard to reach. The challenge asks for early blood biomarkers found through multi-omics and cohort studies, their biological mechanisms, and validation of diagnostic performance in an independent cohort.',
    deliverables: [
      { name: '标志物组合与检测方法', nameEn: 'Biomarker panel and assay' },
      { name: '独立队列验证报告', nameEn: 'Independent cohort validation report' },
    ],
    targets: [
      {
        name: '诊断曲线下面积（AUC）',
        nameEn: 'Area under the ROC curve',
        unit: '—',
        comparator: 'GTE',
        targetValue: '≥ 0.90',
        acceptanceMethod: '独立多中心队列盲法验证',
        acceptanceMethodEn: 'Blinded validation in an independent multicentre cohort',
      },
      {
        name: '验证队列样本量',
        nameEn: 'Validation cohort size',
        unit: '例',
        comparator: 'GTE',
        targetValue: '≥ 1000',
        acceptanceMethod: '伦理审查与数据核查',
        acceptanceMethodEn: 'Ethics review and data audit',
      },
    ],
    durationMonths: 48,
    fiscalWan: '900',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '450',
  },
  {
    fieldCode: 'BIO_BREEDING',
    issuer: 'COMMISSION',
    title: '玉米耐密抗倒伏性状的基因编辑育种',
    titleEn: 'Gene-edited maize breeding for dense planting and lodging resistance',
    problem:
      '密植是提高玉米单产的关键，但易倒伏。需解析株型与茎秆强度的遗传调控网络，利用基因编辑创制耐密抗倒伏新种质，并完成多点田间评价。',
    problemEn:
      'Dense planting raises maize yields but makes plants lodge. The challenge asks for the genetic networks behind plant architecture and stalk strength, new germplasm for dense planting and lodging resistance created by gene editing, and multi-site field evaluation.',
    deliverables: [
      { name: '新种质材料', nameEn: 'New germplasm' },
      { name: '多点田间试验报告', nameEn: 'Multi-site field trial report' },
    ],
    targets: [
      {
        name: '倒伏率',
        nameEn: 'Lodging rate',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 5',
        acceptanceMethod: '第三方田间测产与调查',
        acceptanceMethodEn: 'Third-party field survey and yield test',
      },
      {
        name: '密植条件下增产',
        nameEn: 'Yield gain under dense planting',
        unit: '%',
        comparator: 'RANGE',
        targetValue: '8–15',
        targetMin: '8',
        targetMax: '15',
        acceptanceMethod: '三个生态区对照试验',
        acceptanceMethodEn: 'Controlled trials in three ecological zones',
      },
    ],
    durationMonths: 48,
    fiscalWan: '700',
    selectionMode: 'HORSE_RACE',
    teamCount: 3,
    cutAfterMonths: 24,
    keepAfterCut: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
  {
    fieldCode: 'MEDICAL_DEVICES',
    issuer: 'ENTERPRISE',
    title: '低剂量光子计数 CT 成像的重建理论与方法',
    titleEn: 'Reconstruction theory for low-dose photon-counting CT',
    problem:
      '光子计数 CT 可在降低剂量的同时获得能谱信息，但探测器非理想响应与噪声使图像重建面临挑战。需建立物理模型驱动与数据驱动结合的重建理论，在样机上验证剂量与图像质量。',
    problemEn:
      'Photon-counting CT gives spectral information at a lower dose, but non-ideal detector response and noise make reconstruction hard. The challenge asks for reconstruction theory combining physics models with learned priors, verified for dose and image quality on a prototype.',
    deliverables: [
      { name: '重建算法与软件', nameEn: 'Reconstruction algorithms and software' },
      { name: '体模与样机测试报告', nameEn: 'Phantom and prototype test report' },
    ],
    targets: [
      {
        name: '同等图像质量下剂量降低',
        nameEn: 'Dose reduction at equal image quality',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 40',
        acceptanceMethod: '标准体模第三方测试',
        acceptanceMethodEn: 'Third-party test with standard phantoms',
      },
      {
        name: '空间分辨率',
        nameEn: 'Spatial resolution',
        unit: 'lp/cm',
        comparator: 'GTE',
        targetValue: '≥ 20',
        acceptanceMethod: '标准体模测试',
        acceptanceMethodEn: 'Standard phantom test',
      },
    ],
    durationMonths: 36,
    fiscalWan: '800',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
    pledgeWan: '800',
  },
  {
    fieldCode: 'SCIENTIFIC_INSTRUMENTS',
    issuer: 'COMMISSION',
    title: '高分辨质谱仪核心离子光学部件的国产化研制',
    titleEn: 'Domestic ion-optics components for high-resolution mass spectrometers',
    problem:
      '高分辨质谱仪是生命科学与环境监测的关键仪器，其核心离子光学部件长期依赖进口。需研究离子传输与聚焦的物理机制，完成关键部件设计、加工与整机验证。',
    problemEn:
      'High-resolution mass spectrometers are key instruments for the life sciences and environmental monitoring, and their ion-optics components are imported. The challenge asks for the physics of ion transport and focusing, and for the design, manufacture and in-instrument verification of the key components.',
    deliverables: [
      { name: '核心部件与集成样机', nameEn: 'Core components and integrated prototype' },
      { name: '性能测试报告', nameEn: 'Performance test report' },
    ],
    targets: [
      {
        name: '质量分辨率',
        nameEn: 'Mass resolving power',
        unit: 'FWHM',
        comparator: 'GTE',
        targetValue: '≥ 100000',
        acceptanceMethod: '国家级计量机构测试',
        acceptanceMethodEn: 'Test by a national metrology institute',
      },
      {
        name: '质量精度',
        nameEn: 'Mass accuracy',
        unit: 'ppm',
        comparator: 'LTE',
        targetValue: '≤ 2',
        acceptanceMethod: '标准物质测试',
        acceptanceMethodEn: 'Test with reference materials',
      },
    ],
    durationMonths: 48,
    fiscalWan: '1200',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements: CHIEF,
    chiefScientistRequirementsEn: CHIEF_EN,
  },
];
