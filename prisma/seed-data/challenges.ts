// Demo challenges for the seeded portal (演示数据). Written for demonstration: realistic in form, not real calls;
// figures are plausible orders of magnitude, not commitments of any real organisation.
export interface DemoChallengeTarget {
  name: string;
  nameEn: string;
  unit: string; // e.g. "nm", "%", "TOPS/W", "ms", "项", "—" when unitless
  comparator: 'GTE' | 'LTE' | 'EQ' | 'RANGE';
  targetValue: string; // as written, e.g. "95", "≤ 2", "1.2–1.5"; for RANGE use "min–max"
  targetMin?: string; // only for RANGE, plain decimal strings
  targetMax?: string;
  acceptanceMethod: string; // 验收方式: how it is measured/tested, by whom
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
  issuer: 'ENTERPRISE' | 'COMMISSION'; // alternate: 6 ENTERPRISE, 6 COMMISSION
  title: string; // ≤ 60 Chinese characters
  titleEn: string; // ≤ 120 characters
  problem: string; // 150–350 Chinese characters: background, the bottleneck, why basic research is needed
  problemEn: string; // 80–200 English words
  deliverables: { name: string; nameEn: string }[]; // 2–4 items
  targets: DemoChallengeTarget[]; // 2–4 measurable targets, each with unit and acceptance method
  durationMonths: number; // 24–48
  fiscalWan: string; // fiscal funding in 万元, 100–1500
  selectionMode: 'SINGLE' | 'HORSE_RACE';
  teamCount: number; // 1 for SINGLE; 2–3 for HORSE_RACE
  cutAfterMonths?: number; // HORSE_RACE only: the milestone month of the cut (< durationMonths)
  keepAfterCut?: number; // HORSE_RACE only: teams continuing after the cut (≥ 1, < teamCount)
  chiefScientistRequirements: string;
  chiefScientistRequirementsEn: string;
  pledgeWan?: string; // ENTERPRISE issuers only: the issuer's co-funding in 万元 (30%–100% of fiscalWan)
}

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    fieldCode: 'AI',
    issuer: 'ENTERPRISE',
    title: '面向国产AI加速器的大模型低比特高能效推理基础方法',
    titleEn: 'Foundations of low-bit, energy-efficient large-model inference on domestic AI accelerators',
    problem:
      '大模型推理已成为智能算力消耗的主体。国产AI加速器峰值算力提升迅速，但受片上存储容量和访存带宽制约，实际推理中算力利用率普遍不足30%，单位能耗与国际先进水平仍有明显差距。现有量化、稀疏化和算子调度方法多针对国外硬件经验性设计，4比特及以下量化在长上下文和复杂推理任务上精度下降显著，且缺乏对量化误差传播规律、低比特数值表示与加速器数据流之间匹配关系的理论刻画。本榜单面向国产加速器的体系结构特点，研究低比特数值格式与误差界理论、KV缓存压缩的信息论极限、算子与数据流协同优化方法，形成可迁移、可验证的高能效推理基础方法体系，并在国产加速器上完成系统验证。',
    problemEn:
      'Inference of large models now accounts for most of the demand for AI computing power. Domestic AI accelerators have gained peak performance quickly, but limited on-chip memory and memory bandwidth typically keep utilisation below 30% in real inference, and energy per token still lags the international state of the art. Existing quantisation, sparsification and operator-scheduling methods were tuned empirically for foreign hardware; at 4 bits and below they lose substantial accuracy on long-context and multi-step reasoning tasks, and there is no theory relating the propagation of quantisation error, low-bit number formats and accelerator dataflow. Starting from the architecture of domestic accelerators, this challenge calls for a theory of low-bit number formats and their error bounds, the information-theoretic limits of KV-cache compression, and joint optimisation of operators and dataflow, forming a transferable and verifiable body of methods for energy-efficient inference, validated end to end on domestic accelerators.',
    deliverables: [
      { name: '高能效推理原型系统及量化编译工具链', nameEn: 'Prototype inference system and quantisation toolchain' },
      { name: '开源代码与技术文档', nameEn: 'Open-source code and technical documentation' },
      { name: '第三方测试报告', nameEn: 'Third-party test report' },
    ],
    targets: [
      {
        name: '相对FP16基线的端到端推理能效提升',
        nameEn: 'End-to-end inference energy-efficiency gain over the FP16 baseline',
        unit: '倍',
        comparator: 'GTE',
        targetValue: '≥ 3',
        acceptanceMethod:
          '由第三方检测机构在指定国产加速器上，以百亿参数级开源模型、相同批大小和上下文长度，实测单位token能耗并与FP16基线对比',
        acceptanceMethodEn:
          'A third-party testing body measures energy per token on the designated domestic accelerator with an open-source model of about ten billion parameters, at the same batch size and context length as the FP16 baseline',
      },
      {
        name: '低比特量化后通用评测平均精度下降',
        nameEn: 'Average accuracy drop after low-bit quantisation',
        unit: '百分点',
        comparator: 'LTE',
        targetValue: '≤ 1',
        acceptanceMethod: '在覆盖知识问答、数学推理和代码生成的公开通用评测集上，由专家组现场复测量化模型与全精度模型',
        acceptanceMethodEn:
          'The expert panel re-runs the quantised and full-precision models on site on public general benchmarks covering knowledge QA, mathematical reasoning and code generation',
      },
      {
        name: '128K上下文KV缓存显存占用压缩比',
        nameEn: 'KV-cache memory compression ratio at 128K context',
        unit: '倍',
        comparator: 'GTE',
        targetValue: '≥ 4',
        acceptanceMethod:
          '在公开长上下文测试集上测量显存占用，检索类任务准确率下降不超过2个百分点，由第三方检测机构出具报告',
        acceptanceMethodEn:
          'Memory use measured on public long-context test sets with an accuracy drop on retrieval tasks of no more than 2 percentage points; report issued by a third-party testing body',
      },
    ],
    durationMonths: 36,
    fiscalWan: '1000',
    selectionMode: 'HORSE_RACE',
    teamCount: 3,
    cutAfterMonths: 12,
    keepAfterCut: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作；近五年主持过国家级或省部级人工智能、计算机体系结构相关科研项目；项目执行期内每年投入本项目工作时间不少于8个月，同期不得作为首席科学家承担其他揭榜挂帅项目。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university; has led a national or provincial/ministerial research project in AI or computer architecture in the past five years; at least eight months a year on this project, and not chief scientist of any other challenge-based project at the same time.',
    pledgeWan: '500',
  },
  {
    fieldCode: 'BASIC_MATERIALS',
    issuer: 'COMMISSION',
    title: '低铼镍基单晶高温合金凝固缺陷形成机理与组织稳定性调控',
    titleEn: 'Solidification defects and microstructural stability in low-rhenium single-crystal superalloys',
    problem:
      '镍基单晶高温合金是航空发动机和燃气轮机涡轮叶片的关键基础材料。为提高承温能力，先进单晶合金普遍添加3%~6%的铼，但铼资源稀缺、价格高昂，且高难熔元素含量易诱发雀斑、杂晶等凝固缺陷和服役过程中拓扑密排相析出，导致叶片成品率低、长时性能衰减。现有合金设计主要依赖“试错法”，对多组元合金凝固偏析、枝晶间对流失稳及高温组织演变的定量规律认识不足。本榜单聚焦低铼单晶合金，要求综合运用计算热力学、高通量实验与原位表征，揭示凝固缺陷形成的临界判据和组织退化机制，建立成分—工艺—组织—性能定量模型，研制性能达到第二代单晶合金水平的低铼合金，并完成叶片模拟件验证。',
    problemEn:
      'Nickel-based single-crystal superalloys are the key base material for turbine blades in aero-engines and gas turbines. To raise temperature capability, advanced single-crystal alloys typically contain 3–6% rhenium, yet rhenium is scarce and costly, and high refractory-element contents promote freckles, stray grains and other solidification defects, as well as topologically close-packed phases in service, lowering blade yield and degrading long-term properties. Alloy design still relies largely on trial and error, and the quantitative laws of segregation, interdendritic convective instability and high-temperature microstructural evolution in multicomponent alloys are poorly understood. Focusing on low-rhenium alloys, this challenge calls for computational thermodynamics, high-throughput experiments and in-situ characterisation to establish critical criteria for defect formation and the mechanisms of microstructural degradation, quantitative composition–process–microstructure–property models, and a low-rhenium alloy matching second-generation single-crystal performance, verified on simulated blade castings.',
    deliverables: [
      { name: '合金成分设计与定向凝固工艺规范', nameEn: 'Alloy design and solidification process specification' },
      { name: '成分—工艺—组织—性能模型与数据库', nameEn: 'Composition–process–microstructure–property models' },
      { name: '叶片模拟件样品及第三方检测报告', nameEn: 'Simulated blade castings and third-party test reports' },
    ],
    targets: [
      {
        name: '合金铼含量',
        nameEn: 'Rhenium content of the alloy',
        unit: 'wt%',
        comparator: 'LTE',
        targetValue: '≤ 1.5',
        acceptanceMethod: '由具备资质的第三方检测机构按国家标准化学分析方法测定',
        acceptanceMethodEn: 'Determined by an accredited third-party lab by the national standard chemical method',
      },
      {
        name: '1100℃/137 MPa持久寿命',
        nameEn: 'Stress-rupture life at 1100 °C / 137 MPa',
        unit: 'h',
        comparator: 'GTE',
        targetValue: '≥ 200',
        acceptanceMethod:
          '取[001]取向偏离不大于10°的试样，由第三方检测机构按金属材料高温持久试验国家标准测试，每组有效试样不少于3个',
        acceptanceMethodEn:
          'Specimens within 10° of [001], tested by a third-party body to the national standard for high-temperature stress-rupture testing of metals, at least three valid specimens per group',
      },
      {
        name: '叶片模拟件无雀斑、杂晶缺陷合格率',
        nameEn: 'Share of simulated blade castings free of freckles and stray grains',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 90',
        acceptanceMethod: '每批不少于20件，经宏观腐蚀与X射线劳厄衍射检测，由专家组现场抽检确认',
        acceptanceMethodEn:
          'Batches of at least 20 castings inspected by macro-etching and X-ray Laue diffraction; confirmed by spot checks of the expert panel on site',
      },
    ],
    durationMonths: 48,
    fiscalWan: '1200',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，长期从事高温合金或金属凝固研究；具备定向凝固实验条件或已落实合作条件；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, with a sustained record in superalloys or metal solidification; access to directional-solidification facilities, in house or through a confirmed partner; at least eight months a year on this project.',
  },
  {
    fieldCode: 'FUNCTIONAL_MATERIALS',
    issuer: 'ENTERPRISE',
    title: '钙钛矿/晶硅叠层太阳电池界面失稳机理与长期稳定性提升',
    titleEn: 'Interfacial degradation and long-term stability of perovskite/silicon tandem solar cells',
    problem:
      '钙钛矿/晶硅叠层太阳电池有望突破单结晶硅电池的理论效率极限，是下一代光伏技术的重要方向。目前实验室效率提升迅速，但在光照、温度、湿度和电偏压耦合作用下，钙钛矿层离子迁移、相分离以及载流子传输层界面反应导致性能快速衰减，大面积器件的效率与稳定性难以兼顾，成为产业化的主要障碍。已有稳定化手段多为经验性的组分和添加剂调控，对多场耦合条件下界面缺陷生成与演化的微观机制缺乏原位、定量认识。本榜单要求阐明叠层器件关键界面的失稳机理，建立加速老化与户外实际衰减之间的关联模型，发展组分、界面钝化与封装协同的稳定化策略，研制认证效率与长期稳定性同时达标的叠层器件。',
    problemEn:
      'Perovskite/silicon tandem solar cells can exceed the theoretical efficiency limit of single-junction silicon cells and are a leading direction for next-generation photovoltaics. Laboratory efficiencies are rising fast, but under combined light, heat, humidity and electrical bias, ion migration and phase segregation in the perovskite layer and reactions at the charge-transport interfaces cause rapid degradation; efficiency and stability are hard to obtain together in large-area devices, and this is the main obstacle to industrialisation. Current stabilisation relies on empirical tuning of composition and additives, with little in-situ, quantitative understanding of how interfacial defects form and evolve under coupled stresses. This challenge calls for the mechanisms of interfacial degradation in tandem devices, a model linking accelerated ageing to real outdoor degradation, and stabilisation strategies combining composition, interface passivation and encapsulation, delivering tandem devices that meet certified efficiency and long-term stability targets together.',
    deliverables: [
      { name: '叠层电池器件样品（有效面积≥1 cm²）', nameEn: 'Tandem device samples (active area ≥ 1 cm²)' },
      { name: '失稳机理研究报告与老化关联模型', nameEn: 'Degradation mechanism report and ageing correlation model' },
      { name: '第三方认证与老化测试报告', nameEn: 'Third-party certification and ageing test reports' },
    ],
    targets: [
      {
        name: '认证稳态光电转换效率（有效面积≥1 cm²）',
        nameEn: 'Certified steady-state power conversion efficiency (active area ≥ 1 cm²)',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 30',
        acceptanceMethod: '由具有国际互认资质的第三方光伏计量机构按最大功率点跟踪稳态测试方法测试并出具认证证书',
        acceptanceMethodEn:
          'Tested by steady-state maximum-power-point tracking and certified by an internationally recognised third-party photovoltaic calibration laboratory',
      },
      {
        name: '最大功率点连续光照T90寿命（1个太阳，65℃）',
        nameEn: 'T90 lifetime under continuous 1-sun illumination at maximum power point, 65 °C',
        unit: 'h',
        comparator: 'GTE',
        targetValue: '≥ 1000',
        acceptanceMethod: '参照国际通行的钙钛矿器件稳定性测试规程，由第三方检测机构记录效率衰减至初始值90%的时间',
        acceptanceMethodEn:
          'Following the common international stability protocols for perovskite devices, a third-party testing body records the time to 90% of initial efficiency',
      },
      {
        name: '封装器件湿热试验后效率保持率（85℃/85%RH，1000 h）',
        nameEn: 'Efficiency retained by encapsulated devices after damp heat (85 °C / 85% RH, 1,000 h)',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 95',
        acceptanceMethod: '参照光伏组件设计鉴定相关国际标准中的湿热试验程序，由第三方检测机构测试',
        acceptanceMethodEn:
          'Tested by a third-party body following the damp-heat procedure of the international design-qualification standard for PV modules',
      },
    ],
    durationMonths: 36,
    fiscalWan: '600',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，在光伏材料与器件领域有系统研究积累；具备器件制备与稳定性测试平台；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, with a sustained record in photovoltaic materials and devices; access to device fabrication and stability-testing facilities; at least eight months a year on this project.',
    pledgeWan: '300',
  },
  {
    fieldCode: 'ADVANCED_MANUFACTURING',
    issuer: 'COMMISSION',
    title: '激光粉末床熔融增材制造缺陷在线监测与闭环调控基础研究',
    titleEn: 'In-situ defect monitoring and closed-loop control for laser powder-bed fusion',
    problem:
      '激光粉末床熔融是航空航天复杂金属构件制造的关键技术。成形过程中熔池在微秒级时间尺度内剧烈波动，匙孔失稳、未熔合和飞溅等因素诱发的气孔与裂纹缺陷具有随机性，目前主要依靠离线CT检测和工艺参数“试错”保证质量，构件质量一致性差、检测成本高，疲劳性能分散度大。现有在线监测手段信号维度单一，对缺陷形成的物理机制解释不足，难以实现逐层乃至逐道的实时修正。本榜单要求揭示熔池动力学与缺陷形成的定量关联，发展融合高速光学、热辐射与声学信号的多模态在线感知方法，建立物理约束的缺陷预测模型和逐层闭环调控策略，并在钛合金典型构件上完成工程验证。',
    problemEn:
      'Laser powder-bed fusion is a key technology for complex metal parts in aerospace. During building, the melt pool fluctuates violently on microsecond time scales, and pores and cracks caused by keyhole instability, lack of fusion and spatter occur stochastically. Quality is currently assured mainly by offline CT inspection and trial-and-error tuning of process parameters, which leads to poor part-to-part consistency, high inspection costs and wide scatter in fatigue properties. Existing in-situ monitoring relies on single-modality signals, explains little of the underlying physics and cannot correct the process layer by layer, let alone track by track. This challenge calls for a quantitative link between melt-pool dynamics and defect formation, multimodal in-situ sensing that fuses high-speed optical, thermal-radiation and acoustic signals, physics-constrained defect prediction models and layer-wise closed-loop control, validated on representative titanium-alloy parts.',
    deliverables: [
      { name: '多模态在线监测与闭环调控原型系统', nameEn: 'Multimodal monitoring and closed-loop control prototype' },
      { name: '钛合金典型构件样件', nameEn: 'Representative titanium-alloy parts' },
      { name: '测试报告、论文与发明专利', nameEn: 'Test reports, papers and invention patents' },
    ],
    targets: [
      {
        name: '缺陷在线识别率（等效直径≥100 μm）',
        nameEn: 'In-situ detection rate for defects ≥ 100 μm in equivalent diameter',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 95',
        acceptanceMethod: '以构件工业CT检测结果为基准，由第三方检测机构逐一比对在线监测记录并统计，误报率同时不超过5%',
        acceptanceMethodEn:
          'Third-party check of monitoring records, defect by defect, against industrial CT of the parts, with a false-alarm rate of no more than 5%',
      },
      {
        name: '闭环调控成形构件致密度',
        nameEn: 'Relative density of parts built under closed-loop control',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 99.95',
        acceptanceMethod: '由第三方检测机构按金属材料密度测定国家标准并结合工业CT测定，样件不少于5件',
        acceptanceMethodEn:
          'Measured by a third-party body to the national standard for density of metallic materials, with industrial CT, on at least five parts',
      },
    ],
    durationMonths: 36,
    fiscalWan: '800',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事增材制造、激光加工或智能制造研究；具备金属增材制造装备及在线监测实验条件；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in additive manufacturing, laser processing or intelligent manufacturing; access to metal additive-manufacturing equipment and in-situ monitoring facilities; at least eight months a year on this project.',
  },
  {
    fieldCode: 'INTEGRATED_CIRCUITS',
    issuer: 'ENTERPRISE',
    title: '面向三维动态存储的氧化物半导体晶体管与无电容增益单元基础研究',
    titleEn: 'Oxide-semiconductor transistors and capacitor-less gain cells for 3D dynamic memory',
    problem:
      '动态随机存储器（DRAM）依赖“一晶体管一电容”结构，随特征尺寸缩小，存储电容难以继续微缩，平面微缩路线逼近物理极限，向三维集成演进成为必然选择。以铟镓锌氧化物为代表的非晶氧化物半导体晶体管具有极低关态电流、可低温后道集成，是构建无电容（2T0C）增益单元和三维堆叠存储阵列的候选方案，但其迁移率偏低、阈值电压在偏压和温度应力下漂移明显，氢及氧空位相关缺陷的形成与输运机理尚不清晰，读写速度、保持特性与可靠性难以同时满足存储应用要求。本榜单要求从沟道材料、界面缺陷与器件物理出发，阐明缺陷调控与可靠性机理，研制满足三维集成需求的高性能器件与增益单元阵列，并建立面向电路设计的紧凑模型。',
    problemEn:
      'DRAM relies on a one-transistor, one-capacitor cell. As feature sizes shrink, the storage capacitor can hardly scale further, planar scaling is nearing its physical limits, and the move to three-dimensional integration has become unavoidable. Amorphous oxide-semiconductor transistors, typified by indium-gallium-zinc oxide, offer extremely low off-state current and low-temperature back-end integration, making them candidates for capacitor-less (2T0C) gain cells and 3D-stacked arrays. However, their mobility is modest, their threshold voltage drifts under bias and temperature stress, the formation and transport of hydrogen- and oxygen-vacancy-related defects are poorly understood, and speed, retention and reliability cannot yet be achieved together. Starting from channel materials, interface defects and device physics, this challenge calls for the mechanisms of defect control and reliability, high-performance devices and gain-cell arrays suited to 3D integration, and a compact model for circuit design.',
    deliverables: [
      { name: '器件与增益单元阵列测试芯片', nameEn: 'Test chips with devices and gain-cell arrays' },
      { name: '器件紧凑模型及工艺设计文档', nameEn: 'Device compact model and process design documentation' },
      { name: '第三方测试报告与发明专利', nameEn: 'Third-party test report and invention patents' },
    ],
    targets: [
      {
        name: '晶体管关态电流',
        nameEn: 'Transistor off-state current',
        unit: 'A/μm',
        comparator: 'LTE',
        targetValue: '≤ 1×10⁻¹⁸',
        acceptanceMethod: '在不少于20个器件上采用电荷衰减法间接提取，由第三方检测机构在晶圆级测试平台复测',
        acceptanceMethodEn:
          'Extracted indirectly by the charge-decay method on at least 20 devices and re-measured by a third-party body on a wafer-level test platform',
      },
      {
        name: '增益单元85℃数据保持时间',
        nameEn: 'Gain-cell data retention at 85 °C',
        unit: 's',
        comparator: 'GTE',
        targetValue: '≥ 100',
        acceptanceMethod: '在不少于1 kbit阵列上测试，满足指标的单元比例不低于99%，由专家组现场测试',
        acceptanceMethodEn: 'Arrays of ≥ 1 kbit, ≥ 99% of cells meeting it; tested on site by the expert panel',
      },
      {
        name: '写入时间',
        nameEn: 'Write time',
        unit: 'ns',
        comparator: 'LTE',
        targetValue: '≤ 10',
        acceptanceMethod: '在阵列上以脉冲测试系统测量，由第三方检测机构出具报告',
        acceptanceMethodEn: 'Measured on the arrays with a pulsed test system; report by a third-party testing body',
      },
    ],
    durationMonths: 36,
    fiscalWan: '1200',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 18,
    keepAfterCut: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事微电子器件、半导体材料或存储器研究；具备微纳加工平台使用条件；项目执行期内每年投入本项目工作时间不少于9个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in microelectronic devices, semiconductor materials or memory; access to a micro/nano-fabrication platform; at least nine months a year on this project.',
    pledgeWan: '600',
  },
  {
    fieldCode: 'BLOCKCHAIN',
    issuer: 'COMMISSION',
    title: '面向跨机构数据协作的高吞吐区块链共识与零知识证明加速方法',
    titleEn: 'High-throughput consensus and zero-knowledge proof acceleration for cross-institution data sharing',
    problem:
      '在科研数据共享、供应链金融等跨机构协作场景中，区块链需要同时满足高吞吐、低时延、强一致和数据隐私保护要求。现有拜占庭容错共识协议的通信复杂度随节点规模快速增长，在广域网环境下吞吐量和确认时延难以兼顾；零知识证明可在不泄露原始数据的前提下验证计算正确性，但证明生成开销通常比原始计算高出3~5个数量级，成为隐私保护应用落地的主要瓶颈。本榜单要求研究广域网环境下可扩展的共识协议及其安全性证明，探索证明系统的算法—硬件协同加速方法，研制可在国产软硬件环境中运行的原型系统，并在典型跨机构数据协作场景中完成验证。',
    problemEn:
      'In cross-institution collaboration such as research data sharing and supply-chain finance, a blockchain must deliver high throughput, low latency, strong consistency and data privacy at the same time. The communication complexity of existing Byzantine fault-tolerant consensus protocols grows quickly with the number of nodes, so throughput and confirmation latency cannot both be achieved over wide-area networks. Zero-knowledge proofs can show that a computation is correct without revealing the underlying data, but generating a proof typically costs three to five orders of magnitude more than the computation itself, which is the main obstacle to privacy-preserving applications. This challenge calls for scalable consensus protocols for wide-area networks with proofs of their security, algorithm–hardware co-acceleration of proof systems, and a prototype that runs on domestic software and hardware, validated in a representative cross-institution data-sharing scenario.',
    deliverables: [
      { name: '共识协议设计与形式化安全性证明', nameEn: 'Consensus protocol design with formal security proofs' },
      { name: '区块链原型系统及开源代码', nameEn: 'Prototype blockchain system and open-source code' },
      { name: '第三方性能测试报告', nameEn: 'Third-party performance test report' },
    ],
    targets: [
      {
        name: '广域网环境下交易吞吐量',
        nameEn: 'Transaction throughput over a wide-area network',
        unit: 'TPS',
        comparator: 'GTE',
        targetValue: '≥ 50000',
        acceptanceMethod:
          '由第三方软件测评机构在分布于至少3个地域、不少于100个共识节点的测试网络上压测，并注入不超过三分之一的故障节点，第99百分位交易确认时延不超过2 s',
        acceptanceMethodEn:
          'Load test by a third-party software testing body on at least 100 consensus nodes in at least three regions, with up to one third of the nodes faulty and a 99th-percentile confirmation latency of no more than 2 s',
      },
      {
        name: '百万约束规模电路证明生成时间',
        nameEn: 'Proof generation time for a circuit of one million constraints',
        unit: 's',
        comparator: 'LTE',
        targetValue: '≤ 1',
        acceptanceMethod: '在国产计算平台上使用公开标准测试电路，由专家组现场测试',
        acceptanceMethodEn: 'Tested on site by the expert panel on a domestic platform with public test circuits',
      },
    ],
    durationMonths: 30,
    fiscalWan: '500',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事分布式系统、密码学或区块链研究；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in distributed systems, cryptography or blockchain; at least eight months a year on this project.',
  },
  {
    fieldCode: 'BASIC_SOFTWARE',
    issuer: 'ENTERPRISE',
    title: '分布式数据库学习型查询优化与自适应执行的理论与方法',
    titleEn: 'Learned query optimisation and adaptive execution for distributed databases',
    problem:
      '数据库是支撑各行业信息系统的核心基础软件。查询优化器决定复杂分析查询的执行效率，其核心依赖基数估计与代价模型。在分布式部署和数据分布持续变化的条件下，传统基于独立性假设的基数估计误差可达数个数量级，导致执行计划次优甚至严重劣化；近年来兴起的学习型优化方法虽在部分基准上表现突出，但训练开销大、泛化能力弱、缺乏最坏情况性能保障，难以在生产系统中部署。本榜单要求研究面向分布式环境的基数估计理论与误差界，建立兼顾可解释性与性能下界保障的学习型计划选择方法，发展运行时自适应重优化机制，并在发榜企业的开源分布式数据库中实现与验证。',
    problemEn:
      'Databases are the core basic software behind information systems in every sector. The query optimiser decides how efficiently complex analytical queries run, and it rests on cardinality estimation and cost models. In distributed deployments with continually shifting data distributions, classic estimators built on independence assumptions can be off by several orders of magnitude, producing sub-optimal or badly degraded plans. Learned optimisers have performed well on some benchmarks, but they are costly to train, generalise poorly and offer no worst-case guarantee, so they are hard to deploy in production. This challenge calls for cardinality-estimation theory and error bounds for distributed settings, learned plan selection that is explainable and guarantees a performance floor, and adaptive re-optimisation at run time, implemented and validated in the issuing enterprise’s open-source distributed database.',
    deliverables: [
      { name: '查询优化器原型（开源并合入主干）', nameEn: 'Optimiser prototype, open source and merged upstream' },
      { name: '基准测试报告', nameEn: 'Benchmark report' },
      { name: '论文与软件著作权', nameEn: 'Papers and software copyright registrations' },
    ],
    targets: [
      {
        name: '标准决策支持基准总执行时间降低（1 TB规模）',
        nameEn: 'Reduction in total run time on a standard decision-support benchmark (1 TB)',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 30',
        acceptanceMethod:
          '由第三方软件测评机构在发榜企业提供的不少于8节点集群上，以公开基准测试集复现并与原生优化器对比',
        acceptanceMethodEn:
          'Reproduced by a third-party software testing body on a cluster of at least eight nodes provided by the issuer, with public benchmark suites, against the native optimiser',
      },
      {
        name: '单条查询最大性能回退',
        nameEn: 'Largest regression on any single query',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 10',
        acceptanceMethod: '对全部基准查询逐条对比执行时间，取三次运行的中位数',
        acceptanceMethodEn: 'Run time compared query by query over the whole benchmark, median of three runs',
      },
      {
        name: '单次优化决策额外开销',
        nameEn: 'Added overhead per optimisation decision',
        unit: 'ms',
        comparator: 'LTE',
        targetValue: '≤ 10',
        acceptanceMethod: '第三方软件测评机构在同一测试中统计优化阶段耗时',
        acceptanceMethodEn: 'Optimisation time recorded by the third-party testing body during the same tests',
      },
    ],
    durationMonths: 24,
    fiscalWan: '400',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事数据库系统或数据管理研究，有主导开源或工业级系统研发的经历；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in database systems or data management, with experience leading open-source or industrial-grade system development; at least eight months a year on this project.',
    pledgeWan: '400',
  },
  {
    fieldCode: 'OPERATING_SYSTEMS',
    issuer: 'COMMISSION',
    title: '形式化验证的高性能微内核及其多核调度正确性证明',
    titleEn: 'A formally verified high-performance microkernel with proofs of multicore scheduling',
    problem:
      '在工业控制、智能网联汽车、能源电力等安全关键领域，操作系统内核的任何缺陷都可能引发严重后果。微内核架构以最小可信计算基实现隔离，是构建高可信操作系统的重要路线，机器可检查的形式化证明则是目前保障内核正确性的最高标准。现有已验证内核大多仅覆盖单核场景，对多核并发、中断、弱内存模型及实时调度的验证仍是国际性难题，证明工作量往往是代码规模的数十倍，国产处理器架构上尚无成熟的已验证内核。本榜单要求研究面向多核并发与弱内存模型的可组合验证理论和自动化证明方法，在国产处理器上研制兼顾高性能与形式化正确性的微内核，完成功能正确性、隔离性与调度性质的机器检查证明。',
    problemEn:
      'In safety-critical domains such as industrial control, connected vehicles and power systems, any defect in an operating-system kernel can have serious consequences. Microkernels enforce isolation with a minimal trusted computing base and are a major route to highly trustworthy operating systems, and machine-checked formal proof is currently the strongest assurance of kernel correctness. Most verified kernels, however, cover only single-core operation; verifying multicore concurrency, interrupts, weak memory models and real-time scheduling remains an open international problem, proof effort often runs to tens of times the code size, and no mature verified kernel exists for domestic processor architectures. This challenge calls for compositional verification theory and proof automation for multicore concurrency and weak memory models, and for a microkernel on domestic processors that combines high performance with formal correctness, with machine-checked proofs of functional correctness, isolation and scheduling properties.',
    deliverables: [
      { name: '微内核源码与证明脚本（开源）', nameEn: 'Microkernel source code and proof scripts (open source)' },
      { name: '验证工具链与使用文档', nameEn: 'Verification toolchain and documentation' },
      { name: '第三方性能与安全测评报告', nameEn: 'Third-party performance and security evaluation report' },
    ],
    targets: [
      {
        name: '内核代码形式化验证覆盖率',
        nameEn: 'Share of kernel code covered by formal proof',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 90',
        acceptanceMethod: '按有效代码行统计，由专家组在证明助手中现场完整重放全部证明',
        acceptanceMethodEn: 'Lines of code counted; the expert panel replays every proof in the proof assistant',
      },
      {
        name: '未经证明的假设（公理及未完成证明）',
        nameEn: 'Unproved assumptions (axioms and unfinished proofs)',
        unit: '项',
        comparator: 'EQ',
        targetValue: '0',
        acceptanceMethod: '专家组审查全部证明脚本，除文档列明的硬件模型假设外不得存在其他公理或未完成证明',
        acceptanceMethodEn:
          'The expert panel reviews all proof scripts; apart from the documented hardware-model assumptions, no axioms or unfinished proofs may remain',
      },
      {
        name: '跨地址空间进程间通信往返时延',
        nameEn: 'Round-trip inter-process communication latency across address spaces',
        unit: 'μs',
        comparator: 'LTE',
        targetValue: '≤ 0.5',
        acceptanceMethod: '由第三方测评机构在主频不低于2 GHz的国产多核处理器平台上测量，取10万次调用的中位数',
        acceptanceMethodEn:
          'Measured by a third-party testing body on a domestic multicore processor at 2 GHz or above; median of 100,000 calls',
      },
    ],
    durationMonths: 36,
    fiscalWan: '900',
    selectionMode: 'HORSE_RACE',
    teamCount: 3,
    cutAfterMonths: 12,
    keepAfterCut: 2,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事操作系统、程序验证或编程语言研究；项目执行期内每年投入本项目工作时间不少于8个月，同期不得作为首席科学家承担其他揭榜挂帅项目。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in operating systems, program verification or programming languages; at least eight months a year on this project, and not chief scientist of any other challenge-based project at the same time.',
  },
  {
    fieldCode: 'BIOMEDICINE',
    issuer: 'ENTERPRISE',
    title: '肝外靶向mRNA脂质纳米颗粒递送系统的构效关系与理性设计',
    titleEn: 'Structure–activity relationships and rational design of extrahepatic mRNA lipid nanoparticles',
    problem:
      'mRNA药物在疫苗、蛋白替代治疗和基因编辑等领域展现出广阔前景，递送系统是决定其成药性的核心。现有脂质纳米颗粒经静脉给药后主要富集于肝脏，难以高效递送至肺、脾、骨髓及免疫细胞等肝外靶点，严重限制了mRNA药物在肝外疾病中的应用。可电离脂质化学结构、颗粒组成与蛋白冠形成、细胞摄取和内体逃逸效率之间的构效关系尚不清晰，新型脂质筛选主要依赖大规模经验性合成与试错，且制剂冻干稳定性不足，难以摆脱冷链依赖。本榜单要求揭示脂质结构与器官选择性、内体逃逸之间的定量关系，建立高通量筛选与计算模型相结合的理性设计方法，开发具有自主知识产权的肝外靶向可电离脂质与制剂，并完成药效与安全性临床前评价。',
    problemEn:
      'mRNA medicines hold great promise for vaccines, protein-replacement therapy and gene editing, and the delivery system largely determines whether they can become drugs. After intravenous dosing, current lipid nanoparticles accumulate mainly in the liver and reach extrahepatic targets such as the lung, spleen, bone marrow and immune cells poorly, which severely limits mRNA therapy outside the liver. How the chemical structure of ionisable lipids and particle composition govern protein-corona formation, cellular uptake and endosomal escape remains unclear; new lipids are found mostly by large-scale empirical synthesis and trial and error, and poor freeze-drying stability keeps products dependent on the cold chain. This challenge calls for quantitative relationships between lipid structure, organ selectivity and endosomal escape, rational design combining high-throughput screening with computational models, proprietary ionisable lipids and formulations for extrahepatic delivery, and preclinical evaluation of efficacy and safety.',
    deliverables: [
      { name: '新型可电离脂质及制剂处方', nameEn: 'Novel ionisable lipids and formulations' },
      { name: '临床前药效与安全性评价报告', nameEn: 'Preclinical efficacy and safety reports' },
      { name: '发明专利', nameEn: 'Invention patents' },
    ],
    targets: [
      {
        name: '具有肝外器官选择性的新型可电离脂质',
        nameEn: 'Novel ionisable lipids with extrahepatic organ selectivity',
        unit: '种',
        comparator: 'GTE',
        targetValue: '≥ 3',
        acceptanceMethod: '经结构表征确认并已提交发明专利申请，由专家组审查',
        acceptanceMethodEn: 'Structures confirmed and patent applications filed; reviewed by the expert panel',
      },
      {
        name: '靶器官报告基因表达占比（小鼠静脉给药）',
        nameEn: 'Share of reporter expression in the target organ (mice, intravenous dosing)',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 60',
        acceptanceMethod: '由具有资质的第三方实验室采用活体与离体生物发光成像复测，每组动物不少于6只',
        acceptanceMethodEn:
          'Re-tested by an accredited third-party laboratory with in-vivo and ex-vivo bioluminescence imaging, at least six animals per group',
      },
      {
        name: '冻干制剂2~8℃储存6个月后包封率',
        nameEn: 'Encapsulation efficiency after 6 months of freeze-dried storage at 2–8 °C',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 85',
        acceptanceMethod: '由第三方检测机构按药典通用方法检测，专家组现场核查原始记录',
        acceptanceMethodEn: 'Third-party test by pharmacopoeia methods; raw records checked on site by the panel',
      },
    ],
    durationMonths: 36,
    fiscalWan: '800',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事药剂学、药物化学或生物材料研究；所在单位具备实验动物平台与伦理审查条件；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in pharmaceutics, medicinal chemistry or biomaterials; the university must provide laboratory-animal facilities and ethics review; at least eight months a year on this project.',
    pledgeWan: '400',
  },
  {
    fieldCode: 'BIO_BREEDING',
    issuer: 'COMMISSION',
    title: '小麦玉米基因型非依赖高效遗传转化与精准碱基编辑体系',
    titleEn: 'Genotype-independent transformation and precise base editing for wheat and maize',
    problem:
      '基因编辑是生物育种的关键使能技术，但在小麦、玉米等主要农作物中，遗传转化高度依赖少数模式基因型，生产上大面积种植的主栽品种转化效率普遍低于1%，编辑材料需经多代回交才能导入优良背景，严重拖慢育种进程。再生能力受基因型控制的分子机制尚不清楚，形态发生调控因子的应用仍面临发育异常、外源元件残留等问题；同时，现有碱基编辑器在复杂多倍体基因组中编辑窗口受限、效率不稳定。本榜单要求解析植物细胞全能性与再生的遗传调控网络，建立不依赖基因型的高效遗传转化体系，发展高效率、高精度且无外源DNA残留的碱基编辑技术，并在主栽品种中直接创制具有育种价值的新种质。',
    problemEn:
      'Gene editing is a key enabling technology for crop breeding, yet in major crops such as wheat and maize, genetic transformation depends heavily on a few model genotypes. Transformation efficiency in widely grown elite varieties is generally below 1%, so edited material must be backcrossed over several generations into elite backgrounds, which slows breeding considerably. The molecular basis of genotype-dependent regeneration is unclear; morphogenic regulators can help but cause abnormal development and leave foreign elements behind. Existing base editors also have narrow editing windows and unstable efficiency in complex polyploid genomes. This challenge calls for the genetic networks governing plant cell totipotency and regeneration, a genotype-independent, high-efficiency transformation system, base editing that is efficient, precise and free of foreign DNA, and new germplasm of breeding value created directly in elite varieties.',
    deliverables: [
      { name: '基因型非依赖遗传转化体系及操作规程', nameEn: 'Genotype-independent transformation system and SOPs' },
      { name: '无外源DNA残留的基因编辑新种质', nameEn: 'Transgene-free gene-edited germplasm' },
      { name: '检测报告、论文与发明专利', nameEn: 'Test reports, papers and invention patents' },
    ],
    targets: [
      {
        name: '适用主栽品种数（小麦、玉米合计）',
        nameEn: 'Elite varieties covered (wheat and maize combined)',
        unit: '个',
        comparator: 'GTE',
        targetValue: '≥ 10',
        acceptanceMethod: '由专家组指定主栽品种，在承担单位实验室现场见证转化全过程',
        acceptanceMethodEn: 'Varieties chosen by the expert panel, which witnesses the full transformation on site',
      },
      {
        name: '主栽品种平均遗传转化效率',
        nameEn: 'Average transformation efficiency in elite varieties',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 10',
        acceptanceMethod: '以获得PCR阳性且可育的再生植株计，由具有资质的第三方检测机构抽样检测',
        acceptanceMethodEn: 'Fertile PCR-positive regenerants; sampled and tested by an accredited third-party body',
      },
      {
        name: '目标位点平均碱基编辑效率',
        nameEn: 'Average base-editing efficiency at target sites',
        unit: '%',
        comparator: 'GTE',
        targetValue: '≥ 30',
        acceptanceMethod: '不少于10个目标位点经扩增子深度测序检测，并经全基因组重测序确认编辑植株无外源DNA残留',
        acceptanceMethodEn:
          'Amplicon deep sequencing at no fewer than 10 target sites; whole-genome resequencing confirms edited plants carry no foreign DNA',
      },
    ],
    durationMonths: 48,
    fiscalWan: '700',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 18,
    keepAfterCut: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事作物遗传育种、植物分子生物学或基因编辑研究；具备农业转基因生物安全管理条件；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in crop genetics and breeding, plant molecular biology or gene editing; the university must meet biosafety requirements for genetically modified organisms; at least eight months a year on this project.',
  },
  {
    fieldCode: 'MEDICAL_DEVICES',
    issuer: 'ENTERPRISE',
    title: '光子计数能谱CT碲锌镉探测器模块关键基础问题研究',
    titleEn: 'Cadmium zinc telluride detector modules for photon-counting spectral CT',
    problem:
      '光子计数能谱CT可逐个记录X射线光子并分辨其能量，在降低辐射剂量、提高空间分辨率和实现物质定量分析方面具有显著优势，是医学影像设备的重要发展方向。其核心部件碲锌镉直接转换探测器长期依赖进口，国产晶体存在缺陷密度高、组分均匀性差等问题，在临床CT所需的高通量X射线照射下易产生空间电荷积累和极化效应，导致计数率饱和、能谱畸变和基线漂移；像素间电荷共享与荧光逃逸进一步降低能量分辨能力。本榜单要求阐明高通量辐照下晶体缺陷与极化的物理机制，发展晶体生长与电极界面调控方法，研制低噪声多阈值读出电路并提出电荷共享校正方法，完成探测器模块研制与体模成像验证。',
    problemEn:
      'Photon-counting spectral CT records X-ray photons one by one and resolves their energy, offering lower radiation dose, higher spatial resolution and quantitative material analysis; it is a major direction for medical imaging equipment. Its core component, the cadmium zinc telluride direct-conversion detector, is largely imported. Domestic crystals suffer from high defect density and poor compositional uniformity, and under the high X-ray flux of clinical CT they accumulate space charge and polarise, causing count-rate saturation, spectral distortion and baseline drift; charge sharing and fluorescence escape between pixels further degrade energy resolution. This challenge calls for the physical mechanisms linking crystal defects and polarisation under high flux, methods for controlling crystal growth and electrode interfaces, low-noise multi-threshold readout circuits with charge-sharing correction, and a detector module validated by phantom imaging.',
    deliverables: [
      { name: '探测器模块样件（含读出电路）', nameEn: 'Detector module samples with readout electronics' },
      { name: '体模成像测试报告', nameEn: 'Phantom imaging test report' },
      { name: '第三方检验报告与发明专利', nameEn: 'Third-party inspection report and invention patents' },
    ],
    targets: [
      {
        name: '像素间距',
        nameEn: 'Pixel pitch',
        unit: 'mm',
        comparator: 'RANGE',
        targetValue: '0.2–0.3',
        targetMin: '0.2',
        targetMax: '0.3',
        acceptanceMethod: '由第三方检验机构对模块进行几何测量与显微检查',
        acceptanceMethodEn: 'Geometric measurement and microscopy of the module by a third-party inspection body',
      },
      {
        name: '能量分辨率（60 keV，半高宽）',
        nameEn: 'Energy resolution at 60 keV (FWHM)',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 8',
        acceptanceMethod: '以标准放射源由具备医疗器械检验资质的第三方检验机构测试，取全部有效像素的中位值',
        acceptanceMethodEn:
          'Tested with a standard radioactive source by a third-party body qualified for medical-device inspection; median over all working pixels',
      },
      {
        name: '最大输入计数率（计数损失≤10%）',
        nameEn: 'Maximum input count rate at ≤ 10% count loss',
        unit: 'Mcps/mm²',
        comparator: 'GTE',
        targetValue: '≥ 250',
        acceptanceMethod: '在X射线管高通量照射下按相关行业标准方法测试，连续照射30分钟计数漂移不超过1%',
        acceptanceMethodEn:
          'Tested under high-flux X-ray tube irradiation by the relevant industry-standard method, with count drift ≤ 1% over 30 minutes of exposure',
      },
    ],
    durationMonths: 36,
    fiscalWan: '1000',
    selectionMode: 'SINGLE',
    teamCount: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事辐射探测、半导体材料或医学成像研究；须与发榜企业联合开展整机集成验证；项目执行期内每年投入本项目工作时间不少于8个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in radiation detection, semiconductor materials or medical imaging; must carry out system-level integration and validation jointly with the issuer; at least eight months a year on this project.',
    pledgeWan: '1000',
  },
  {
    fieldCode: 'SCIENTIFIC_INSTRUMENTS',
    issuer: 'COMMISSION',
    title: '透射电子显微镜冷场发射电子源关键技术与基础问题研究',
    titleEn: 'Cold field-emission electron sources for transmission electron microscopes',
    problem:
      '透射电子显微镜是材料、物理和生命科学研究不可或缺的重大科学仪器，电子源决定了仪器的亮度、相干性和能量分辨能力。冷场发射电子源具有亮度高、能量发散小的突出优势，是高端球差校正电镜和冷冻电镜的核心部件，但其对超高真空、针尖表面状态和高压稳定性要求极为苛刻，长期依赖进口，国内尚无可稳定工作的产品。针尖表面气体吸附与离子轰击导致发射电流衰减和噪声，其微观机理和抑制方法缺乏系统研究。本榜单要求阐明针尖表面原子结构、吸附动力学与发射稳定性的关系，突破单晶钨针尖制备、极高真空获得与维持、高稳定高压电源等关键技术，研制冷场发射电子枪，并在国产透射电镜样机上完成集成验证。',
    problemEn:
      'The transmission electron microscope is an indispensable major instrument for materials science, physics and the life sciences, and its electron source determines brightness, coherence and energy resolution. Cold field-emission sources offer high brightness and low energy spread and are the core component of high-end aberration-corrected and cryo-electron microscopes, yet their demands on ultra-high vacuum, tip surface condition and high-voltage stability are extreme; they are imported, and no domestic source yet operates stably. Gas adsorption on the tip surface and ion bombardment cause emission-current decay and noise, and the mechanisms and remedies have not been studied systematically. This challenge calls for the relationship between tip-surface atomic structure, adsorption kinetics and emission stability; breakthroughs in single-crystal tungsten tip fabrication, attaining and maintaining extreme-high vacuum, and highly stable high-voltage supplies; and a cold field-emission gun integrated and verified on a domestic transmission electron microscope prototype.',
    deliverables: [
      { name: '冷场发射电子枪样机', nameEn: 'Prototype cold field-emission gun' },
      { name: '整机集成验证报告', nameEn: 'Report on integration and verification in the microscope' },
      { name: '关键部件图纸、工艺规范与发明专利', nameEn: 'Drawings, process specifications and patents' },
    ],
    targets: [
      {
        name: '电子束能量发散（半高宽）',
        nameEn: 'Energy spread of the beam (FWHM)',
        unit: 'eV',
        comparator: 'LTE',
        targetValue: '≤ 0.35',
        acceptanceMethod: '在200 kV加速电压下以电子能量损失谱零损失峰测量，由专家组在整机现场测试',
        acceptanceMethodEn: 'Zero-loss peak of the EEL spectrum at 200 kV, measured on site by the expert panel',
      },
      {
        name: '约化亮度',
        nameEn: 'Reduced brightness',
        unit: 'A/(m²·sr·V)',
        comparator: 'GTE',
        targetValue: '≥ 5×10⁸',
        acceptanceMethod: '由第三方计量机构按任务书约定的测量方法测定',
        acceptanceMethodEn: 'Determined by a third-party metrology body with the method agreed in the project contract',
      },
      {
        name: '闪蒸后连续工作8 h发射电流稳定性（峰峰值）',
        nameEn: 'Emission-current stability over 8 h after flashing (peak to peak)',
        unit: '%',
        comparator: 'LTE',
        targetValue: '≤ 5',
        acceptanceMethod: '电子枪室真空度不劣于1×10⁻⁹ Pa条件下记录探针电流，由专家组现场核验',
        acceptanceMethodEn: 'Probe current logged with gun vacuum ≤ 1×10⁻⁹ Pa; verified on site by the expert panel',
      },
    ],
    durationMonths: 48,
    fiscalWan: '1500',
    selectionMode: 'HORSE_RACE',
    teamCount: 2,
    cutAfterMonths: 18,
    keepAfterCut: 1,
    chiefScientistRequirements:
      '具有正高级专业技术职务，全职在京高校工作，从事电子光学、真空物理或科学仪器研制，具有大型仪器研制或工程化经历者优先；项目执行期内每年投入本项目工作时间不少于9个月。',
    chiefScientistRequirementsEn:
      'Full senior professional title and full-time employment at a Beijing university, working in electron optics, vacuum physics or scientific instrument development; experience building large instruments or bringing them to engineering maturity is preferred; at least nine months a year on this project.',
  },
];
