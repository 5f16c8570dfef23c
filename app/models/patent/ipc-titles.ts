// IPC titles (WIPO English, CNIPA Chinese) for every section and class, and the subclasses the demo pool
// uses, trimmed of cross-references: see docs/decisions/003-taxonomy.md.
export const IPC_TITLES: Readonly<Record<string, { en: string; zh: string }>> = {
  A: { en: "Human necessities", zh: "人类生活必需" },
  A01: {
    en: "Agriculture; forestry; animal husbandry; hunting; trapping; fishing",
    zh: "农业；林业；畜牧业；狩猎；诱捕；捕鱼",
  },
  A01B: {
    en: "Soil working in agriculture or forestry; parts, details, or accessories of agricultural machines or implements, in general",
    zh: "农业或林业的整地；一般农业机械或农具的部件、零件或附件",
  },
  A01C: { en: "Planting; sowing; fertilising", zh: "种植；播种；施肥" },
  A01D: { en: "Harvesting; mowing", zh: "收获；割草" },
  A01F: {
    en: "Threshing; baling of straw, hay or the like; stationary apparatus or hand tools for forming or binding straw, hay or the like into bundles; cutting of straw, hay or the like; storing agricultural or horticultural produce",
    zh: "脱粒；禾秆、干草或类似物的打捆；将禾秆、干草或类似物形成捆或打捆的固定装置或手动工具；禾秆、干草或类似物的切碎；农业或园艺产品的储藏",
  },
  A01G: {
    en: "Horticulture; cultivation of vegetables, flowers, rice, fruit, vines, hops or seaweed; forestry; watering",
    zh: "园艺；蔬菜、花卉、稻、果树、葡萄、啤酒花或海菜的栽培；林业；浇水",
  },
  A01H: {
    en: "New plants or processes for obtaining them; plant reproduction by tissue culture techniques",
    zh: "新植物或获得新植物的方法；通过组织培养技术的植物再生",
  },
  A01K: {
    en: "Animal husbandry; aviculture; apiculture; pisciculture; fishing; rearing or breeding animals, not otherwise provided for; new breeds of animals",
    zh: "畜牧业；养鸟业；养蜂业；养鱼业；捕鱼业；饲养或养殖其他类不包含的动物；动物的新品种",
  },
  A01M: {
    en: "Catching, trapping or scaring of animals; apparatus for the destruction of noxious animals or noxious plants",
    zh: "动物的捕捉、诱捕或惊吓；消灭有害动物或有害植物用的装置",
  },
  A01N: {
    en: "Preservation of bodies of humans or animals or plants or parts thereof; biocides, e.g. as disinfectants, as pesticides or as herbicides; pest repellants or attractants; plant growth regulators",
    zh: "人体、动植物体或其局部的保存；杀生剂，例如作为消毒剂，作为农药或作为除草剂；害虫驱避剂或引诱剂；植物生长调节剂",
  },
  A21: {
    en: "Baking; equipment for making or processing doughs; doughs for baking",
    zh: "焙烤；制作或处理面团的设备；焙烤用面团",
  },
  A22: { en: "Butchering; meat treatment; processing poultry or fish", zh: "屠宰；肉品处理；家禽或鱼的加工" },
  A22C: { en: "Processing meat, poultry, or fish", zh: "肉类、家禽或鱼的加工" },
  A23: {
    en: "Foods or foodstuffs; their treatment, not covered by other classes",
    zh: "食品、食料或非酒精饮料；其制备、处理或保存",
  },
  A23B: {
    en: "Preserving, e.g. by canning, meat, fish, eggs, fruit, vegetables, edible seeds; chemical ripening of fruit or vegetables; the preserved, ripened, or canned products",
    zh: "食品、食料或非酒精饮料的保存;水果或蔬菜的化学催熟",
  },
  A23F: {
    en: "Coffee; tea; their substitutes; manufacture, preparation, or infusion thereof",
    zh: "咖啡；茶；其代用品；它们的制造、配制或泡制茶；茶代用品；其配制品",
  },
  A23K: {
    en: "Feeding-stuffs specially adapted for animals; methods specially adapted for production thereof",
    zh: "专门适用于动物的喂养饲料；其生产方法",
  },
  A23L: {
    en: "Foods, foodstuffs, or non-alcoholic beverages, not covered by subclasses a21d or a23b-a23j; their preparation or treatment, e.g. cooking, modification of nutritive qualities, physical treatment; preservation of foods or foodstuffs, in general",
    zh: "未另行规定的食品、食料或非酒精饮料；其制备或处理非酒精饮料；其干组合物或浓缩物；其制备或处理",
  },
  A23N: {
    en: "Machines or apparatus for treating harvested fruit, vegetables, or flower bulbs in bulk, not otherwise provided for; peeling vegetables or fruit in bulk; apparatus for preparing animal feeding-stuffs",
    zh: "其他类不包含的处理大量收获的水果、蔬菜或花球茎的机械或装置；大量蔬菜或水果的去皮；制备牲畜饲料装置",
  },
  A24: {
    en: "Tobacco; cigars; cigarettes; smokers' requisites",
    zh: "烟草；雪茄烟；纸烟；模拟吸烟装置；吸烟者用品注意：此类术语或表达式的含义如下：“模拟吸烟装置”是指不燃烧烟草而吸烟行为的装置，例如所谓的电子烟，“纸烟”是指：小管包装纸，装有人们直接点燃吸烟的烟草或烟草代用品，以及烟草燃烧的地方；在更广泛的意义上，它也指一个小包装管，装有烟草或烟草代用品，再制造时与热源相关联，或由用户插入含有热源的装置中，并且烟草在加热时没有被燃烧在这个更广泛的意义上，“杆棒”这个词语也经常被用来代替香烟。",
  },
  A41: { en: "Wearing apparel", zh: "服装" },
  A41D: { en: "Outerwear; protective garments; accessories", zh: "外衣；防护服；衣饰配件" },
  A42: { en: "Headwear", zh: "帽类制品" },
  A43: { en: "Footwear", zh: "鞋类" },
  A44: { en: "Haberdashery; jewellery", zh: "服饰缝纫用品；珠宝" },
  A45: { en: "Hand or travelling articles", zh: "手携物品或旅行品" },
  A46: { en: "Brushware", zh: "刷类制品" },
  A47: { en: "Furniture", zh: "家具；家庭用的物品或设备；咖啡磨；香料磨；一般吸尘器" },
  A47J: {
    en: "Kitchen equipment; coffee mills; spice mills; apparatus for making beverages",
    zh: "厨房用具；咖啡磨；香料磨；饮料制备装置",
  },
  A47L: { en: "Domestic washing or cleaning; suction cleaners in general", zh: "家庭的洗涤或清扫；一般吸尘器" },
  A61: { en: "Medical or veterinary science; hygiene", zh: "医学或兽医学；卫生学" },
  A61B: { en: "Diagnosis; surgery; identification", zh: "诊断；外科；鉴定" },
  A61C: { en: "Dentistry; apparatus or methods for oral or dental hygiene", zh: "牙科；口腔或牙齿卫生的装置或方法" },
  A61D: { en: "Veterinary instruments, implements, tools, or methods", zh: "兽医用仪器、器械、工具或方法" },
  A61F: {
    en: "Filters implantable into blood vessels; prostheses; devices providing patency to, or preventing collapsing of, tubular structures of the body, e.g. stents; orthopaedic, nursing or contraceptive devices; fomentation; treatment or protection of eyes or ears; bandages, dressings or absorbent pads; first-aid kits",
    zh: "可植入血管内的滤器；假体；为人体管状结构提供开口、或防止其塌陷的装置，例如支架；整形外科、护理或避孕装置；热敷；眼或耳的治疗或保护；绷带、敷料或吸收垫；急救箱",
  },
  A61G: {
    en: "Transport, personal conveyances, or accommodation specially adapted for patients or disabled persons; operating tables or chairs; chairs for dentistry; funeral devices",
    zh: "专门适用于病人或残疾人的运输工具、专用运输工具或起居设施；手术台或手术椅子；牙科椅子；丧葬用具",
  },
  A61H: {
    en: "Physical therapy apparatus, e.g. devices for locating or stimulating reflex points in the body; artificial respiration; massage; bathing devices for special therapeutic or hygienic purposes or specific parts of the body",
    zh: "理疗装置，例如用于定位或刺激体内反射点的装置；人工呼吸；按摩；用于特殊治疗或保健目的或人体特殊部位的洗浴装置",
  },
  A61J: {
    en: "Containers specially adapted for medical or pharmaceutical purposes; devices or methods specially adapted for bringing pharmaceutical products into particular physical or administering forms; devices for administering food or medicines orally; baby comforters; devices for receiving spittle",
    zh: "专用于医学或医药目的的容器；专用于把药品制成特殊的物理或服用形式的装置或方法；喂饲食物或口服药物的器具；婴儿橡皮奶头；收集唾液的器具",
  },
  A61K: { en: "Preparations for medical, dental, or toilet purposes", zh: "医用、牙科用或化妆用的配制品" },
  A61L: {
    en: "Methods or apparatus for sterilising materials or objects in general; disinfection, sterilisation, or deodorisation of air; chemical aspects of bandages, dressings, absorbent pads, or surgical articles; materials for bandages, dressings, absorbent pads, or surgical articles",
    zh: "材料或消毒的一般方法或装置；空气的灭菌、消毒或除臭；绷带、敷料、吸收垫或外科用品的化学方面；绷带、敷料、吸收垫或外科用品的材料",
  },
  A61M: {
    en: "Devices for introducing media into, or onto, the body; devices for transducing body media or for taking media from the body; devices for producing or ending sleep or stupor",
    zh: "将介质输入人体内或输到人体上的器械；为转移人体介质或为从人体内取出介质的器械；用于产生或结束睡眠或昏迷的器械[4,5]",
  },
  A61N: {
    en: "Electrotherapy; magnetotherapy; radiation therapy; ultrasound therapy",
    zh: "电疗；磁疗；放射疗；超声波疗",
  },
  A61P: {
    en: "Specific therapeutic activity of chemical compounds or medicinal preparations",
    zh: "化合物或药物制剂的特定治疗活性",
  },
  A62: { en: "Life-saving; fire-fighting", zh: "救生；消防" },
  A63: { en: "Sports; games; amusements", zh: "运动；游戏；娱乐活动" },
  A99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目中不包括的技术主题" },
  B: { en: "Performing operations; transporting", zh: "作业；运输" },
  B01: { en: "Physical or chemical processes or apparatus in general", zh: "一般的物理或化学的方法或装置" },
  B01D: { en: "Separation", zh: "分离" },
  B01J: {
    en: "Chemical or physical processes, e.g. catalysis or colloid chemistry; their relevant apparatus",
    zh: "化学或物理方法，例如，催化作用或胶体化学；其有关设备",
  },
  B01L: { en: "Chemical or physical laboratory apparatus for general use", zh: "通用化学或物理实验室设备" },
  B02: {
    en: "Crushing, pulverising, or disintegrating; preparatory treatment of grain for milling",
    zh: "破碎、磨粉或粉碎；谷物碾磨的预处理",
  },
  B02C: {
    en: "Crushing, pulverising, or disintegrating in general; milling grain",
    zh: "一般破碎、研磨或粉碎；碾磨谷物",
  },
  B03: {
    en: "Separation of solid materials using liquids or using pneumatic tables or jigs; magnetic or electrostatic separation of solid materials from solid materials or fluids; separation by high-voltage electric fields",
    zh: "用液体或用风力摇床或风力跳汰机分离固体物料；从固体物料或流体中分离固体物料的磁或静电分离；高压电场分离",
  },
  B03B: {
    en: "Separating solid materials using liquids or using pneumatic tables or jigs",
    zh: "用液体或用风力摇床或风力跳汰机分离固体物料",
  },
  B04: {
    en: "Centrifugal apparatus or machines for carrying-out physical or chemical processes",
    zh: "用于实现物理或化学工艺过程的离心装置或离心机",
  },
  B05: {
    en: "Spraying or atomising in general; applying liquids or other fluent materials to surfaces, in general",
    zh: "一般喷射或雾化；对表面涂覆流体的一般方法",
  },
  B06: { en: "Generating or transmitting mechanical vibrations in general", zh: "一般机械振动的发生或传递" },
  B07: { en: "Separating solids from solids; sorting", zh: "将固体从固体中分离；分选" },
  B07C: {
    en: "Postal sorting; sorting individual articles, or bulk material fit to be sorted piece-meal, e.g. by picking",
    zh: "邮件分拣；单件物品的分选，或适于一件一件地分选的散装材料的分选，如拣选",
  },
  B08: { en: "Cleaning", zh: "清洁" },
  B09: { en: "Disposal of solid waste; reclamation of contaminated soil", zh: "固体废物的处理；被污染土壤的再生" },
  B09B: { en: "Disposal of solid waste", zh: "其他类目不包括的固体废物的处理" },
  B09C: { en: "Reclamation of contaminated soil", zh: "污染的土壤的再生" },
  B21: {
    en: "Mechanical metal-working without essentially removing material; punching metal",
    zh: "基本上无切削的金属机械加工；金属冲压",
  },
  B21C: {
    en: "Manufacture of metal sheets, wire, rods, tubes, profiles or like semi-manufactured products otherwise than by rolling; auxiliary operations used in connection with metal-working without essentially removing material",
    zh: "用非轧制的方式生产金属板、线、棒、管、型材或类似半成品；与基本无切削金属加工有关的辅助加工",
  },
  B22: { en: "Casting; powder metallurgy", zh: "铸造；粉末冶金" },
  B22D: {
    en: "Casting of metals; casting of other substances by the same processes or devices",
    zh: "金属铸造；用相同工艺或设备的其他物质的铸造",
  },
  B22F: {
    en: "Working metallic powder; manufacture of articles from metallic powder; making metallic powder; apparatus or devices specially adapted for metallic powder",
    zh: "金属粉末的加工；由金属粉末制造制品；金属粉末的制造；金属粉末的专用装置或设备",
  },
  B23: { en: "Machine tools; metal-working not otherwise provided for", zh: "机床；其他类目中不包括的金属加工" },
  B23B: { en: "Turning; boring", zh: "车削；镗削" },
  B23F: { en: "Making gears or toothed racks", zh: "齿轮或齿条的制造" },
  B23K: {
    en: "Soldering or unsoldering; welding; cladding or plating by soldering or welding; cutting by applying heat locally, e.g. flame cutting; working by laser beam",
    zh: "钎焊或脱焊；焊接；用钎焊或焊接方法包覆或镀敷；局部加热切割，如火焰切割；用激光束加工",
  },
  B23P: {
    en: "Metal-working not otherwise provided for; combined operations; universal machine tools",
    zh: "未包含在其他位置的金属加工；组合加工；万能机床",
  },
  B23Q: {
    en: "Details, components, or accessories for machine tools, e.g. arrangements for copying or controlling; machine tools in general, characterised by the construction of particular details or components; combinations or associations of metal-working machines, not directed to a particular result",
    zh: "机床的零件、部件或附件，如仿形装置或控制装置；以特殊零件或部件的结构为特征的通用机床；不针对某一特殊金属加工用途的金属加工机床的组合或联合",
  },
  B24: { en: "Grinding; polishing", zh: "磨削；抛光" },
  B24B: {
    en: "Machines, devices, or processes for grinding or polishing; dressing or conditioning of abrading surfaces; feeding of grinding, polishing, or lapping agents",
    zh: "用于磨削或抛光的机床、装置或工艺（用电蚀入B23H；磨料或有关喷射入B24C；电解浸蚀或电解抛光入C25F3/00；磨具磨损表面的修理或调节；磨削，抛光剂或研磨剂的进给",
  },
  B25: {
    en: "Hand tools; portable power-driven tools; handles for hand implements; workshop equipment; manipulators",
    zh: "手动工具；轻便机动工具；手动器械的手柄；车间设备；机械手",
  },
  B25J: { en: "Manipulators; chambers provided with manipulation devices", zh: "机械手；装有操纵装置的容器" },
  B26: { en: "Hand cutting tools; cutting; severing", zh: "手动切割工具；切割；切断" },
  B27: {
    en: "Working or preserving wood or similar material; nailing or stapling machines in general",
    zh: "木材或类似材料的加工或保存；一般钉钉机或钉U形钉机",
  },
  B28: { en: "Working cement, clay, or stone", zh: "加工水泥、黏土或石料" },
  B28B: {
    en: "Shaping clay or other ceramic compositions; shaping slag; shaping mixtures containing cementitious material, e.g. plaster",
    zh: "黏土或其他陶瓷成分的成型；熔渣的成型；含有水泥材料的混合物的成型，例如灰浆",
  },
  B29: {
    en: "Working of plastics; working of substances in a plastic state in general",
    zh: "塑料的加工；一般处于塑性状态物质的加工",
  },
  B29C: {
    en: "Shaping or joining of plastics; shaping of material in a plastic state, not otherwise provided for; after-treatment of the shaped products, e.g. repairing",
    zh: "塑料的成型连接；塑性状态材或料的成型，不包含在其他类目中的；已成型产品的后处理，例如修整",
  },
  B30: { en: "Presses", zh: "压力机" },
  B30B: { en: "Presses in general; presses not otherwise provided for", zh: "一般压力机；不包含在其他类目中的压力机" },
  B31: {
    en: "Making paper articles; working paper",
    zh: "纸品或纸板或类似纸的方式加工的材料制品制作；纸或纸板或类似纸的方式加工的材料的加工",
  },
  B32: { en: "Layered products", zh: "层状产品" },
  B32B: {
    en: "Layered products, i.e. products built-up of strata of flat or non-flat, e.g. cellular or honeycomb, form",
    zh: "层状产品，即由扁平的或非扁平的薄层，例如泡沫状的、蜂窝状的薄层构成的产品",
  },
  B33: { en: "", zh: "增材制造技术" },
  B33Y: {
    en: "Additive manufacturing, i.e. manufacturing of three-dimensional objects by additive deposition, additive agglomeration or additive layering, e.g. by 3D printing, stereolithography or selective laser sintering",
    zh: "增材制造，即通过增材沉积、增材附聚或增材分层，例如通过3D打印、立体光刻或选择性激光烧结来制造三维物体",
  },
  B41: { en: "Printing; lining machines; typewriters; stamps", zh: "印刷；排版机；打字机；模印机" },
  B42: { en: "Bookbinding; albums; files; special printed matter", zh: "装订；图册；文件夹；特种印刷品" },
  B43: { en: "Writing or drawing implements; bureau accessories", zh: "书写或绘图器具；办公用品" },
  B44: { en: "Decorative arts", zh: "装饰艺术" },
  B60: { en: "Vehicles in general", zh: "一般车辆" },
  B60G: { en: "Vehicle suspension arrangements", zh: "车辆悬架装置的配置" },
  B60K: {
    en: "Arrangement or mounting of propulsion units or of transmissions in vehicles; arrangement or mounting of plural diverse prime-movers in vehicles; auxiliary drives for vehicles; instrumentation or dashboards for vehicles; arrangements in connection with cooling, air intake, gas exhaust or fuel supply of propulsion units in vehicles",
    zh: "车辆动力装置或传动装置的布置或安装；两个以上不同的车辆原动机的布置或安装；车辆辅助驱动装置；车辆用仪表或仪表板；与车辆动力装置的冷却、进气、排气或燃料供给结合的布置",
  },
  B60L: {
    en: "Propulsion of electrically-propelled vehicles; supplying electric power for auxiliary equipment of electrically-propelled vehicles; electrodynamic brake systems for vehicles in general; magnetic suspension or levitation for vehicles; monitoring operating variables of electrically-propelled vehicles; electric safety devices for electrically-propelled vehicles",
    zh: "电动车辆动力装置；车辆辅助装备的供电；一般车辆的电力制动系统；车辆的磁悬置或悬浮；电动车辆的监控操作变量;电力牵引",
  },
  B60T: {
    en: "Vehicle brake control systems or parts thereof; brake control systems or parts thereof, in general; arrangement of braking elements on vehicles in general; portable devices for preventing unwanted movement of vehicles; vehicle modifications to facilitate cooling of brakes",
    zh: "车辆制动控制系统或其部件；一般制动控制系统或其部件；一般制动元件在车辆上的布置；用于防止车辆发生不希望的运动的便携装置；便于冷却制动器的车辆的改进",
  },
  B60W: {
    en: "Conjoint control of vehicle sub-units of different type or different function; control systems specially adapted for hybrid vehicles; road vehicle drive control systems for purposes not related to the control of a particular sub-unit",
    zh: "不同类型或不同功能的车辆子系统的联合控制；专门适用于混合动力车辆的控制系统；不与某一特定子系统的控制相关联的道路车辆驾驶控制系统",
  },
  B61: { en: "Railways", zh: "铁路" },
  B61B: {
    en: "Railway systems; equipment therefor not otherwise provided for",
    zh: "铁路系统；不包含在其他类目中的装置",
  },
  B61D: { en: "Body details or kinds of railway vehicles", zh: "铁路车辆的种类或车体部件" },
  B61F: {
    en: "Rail vehicle suspensions, e.g. underframes, bogies or arrangements of wheel axles; rail vehicles for use on tracks of different width; preventing derailing of rail vehicles; wheel guards, obstruction removers or the like for rail vehicles",
    zh: "铁路车辆的悬架，如底架、转向架或轮轴；在不同宽度的轨道上使用的铁路车辆；铁路车辆预防脱轨；护轮罩，障碍物清除器或铁路车辆类似装置",
  },
  B61L: { en: "Guiding railway traffic; ensuring the safety of railway traffic", zh: "铁路交通管理；保证铁路交通安全" },
  B62: {
    en: "Land vehicles for travelling otherwise than on rails",
    zh: "无轨陆用车辆B62B手动车辆，例如手推车或摇篮车；雪橇",
  },
  B62D: { en: "Motor vehicles; trailers", zh: "机动车；挂车" },
  B62J: {
    en: "Cycle saddles or seats; auxiliary devices or accessories specially adapted to cycles and not otherwise provided for, e.g. article carriers or cycle protectors",
    zh: "自行车鞍座或座位；自行车特有的而不包含在其他类目中的附件，例如载物架或自行车保护装置 [from dir name]",
  },
  B62K: {
    en: "Cycles; cycle frames; cycle steering devices; rider-operated terminal controls specially adapted for cycles; cycle axle suspensions; cycle sidecars, forecars, or the like",
    zh: "自行车；自行车架；自行车转向装置；专门适用于自行车乘骑者操作的终端控制装置；自行车轴悬挂装置；自行车跨斗、前车或类似附加车辆",
  },
  B63: { en: "Ships or other waterborne vessels; related equipment", zh: "船舶或其他水上船只；与船有关的设备" },
  B63B: { en: "Ships or other waterborne vessels; equipment for shipping", zh: "船舶或其他水上船只；船用设备" },
  B63H: { en: "Marine propulsion or steering", zh: "船舶的推进装置或操舵装置" },
  B64: { en: "Aircraft; aviation; cosmonautics", zh: "飞行器；航空；宇宙航行" },
  B64C: { en: "Aeroplanes; helicopters", zh: "飞机；直升飞机" },
  B64D: {
    en: "Equipment for fitting in or to aircraft; flying suits; parachutes; arrangements or mounting of power plants or propulsion transmissions in aircraft",
    zh: "用于与飞机配合或装到飞机上的设备；飞行服；降落伞；动力装置或推进传动装置在飞机中的配置或安装",
  },
  B64U: {
    en: "",
    zh: "无人驾驶飞行器[UAV]；为此的设备注意1.本小类包括专门适用于无人驾驶航空用途的飞行器及其设备。2.本小类不包括：用于控制位置、航向、高度或姿态的计算机控制系统，分入组G05D1/00；无人机交通控制分入组G08G5/00. 3.既可以有人驾驶又可以无人驾驶的应同时分入此小类和适用于有人驾驶用途的B64的子类中。4.未被该小类覆盖的无人机及其设备的细节或特征应被分类到B64类的相关子类中。5.在该小类中，期望添加组B64U101/00的引得码，涵盖无人机的特定用途或应用。",
  },
  B65: {
    en: "Conveying; packing; storing; handling thin or filamentary material",
    zh: "输送；包装；贮存；搬运薄的或细丝状材料",
  },
  B65B: {
    en: "Machines, apparatus or devices for, or methods of, packaging articles or materials; unpacking",
    zh: "包装物件或物料的机械，装置或设备，或方法；启封",
  },
  B65D: {
    en: "Containers for storage or transport of articles or materials, e.g. bags, barrels, bottles, boxes, cans, cartons, crates, drums, jars, tanks, hoppers, forwarding containers; accessories, closures, or fittings therefor; packaging elements; packages",
    zh: "用于物件或物料贮存或运输的容器，如袋、桶、瓶子、箱盒、罐头、纸板箱、板条箱、圆桶、罐、槽、料仓、运输容器；所用的附件、封口或配件；包装元件；包装件",
  },
  B66: { en: "Hoisting; lifting; hauling", zh: "卷扬；提升；牵引" },
  B67: {
    en: "Opening or closing bottles, jars or similar containers; liquid handling",
    zh: "开启或封闭瓶子、罐或类似的容器；液体的贮运",
  },
  B68: { en: "Saddlery; upholstery", zh: "鞍具；家具罩面" },
  B81: {
    en: "Micro-structural technology",
    zh: "微观结构技术[7] 注意1.本大类涵盖微结构装置或系统，包括至少一个基本元件或构造，其特征在于其非常小的尺寸，通常在10至10米的范围内，即在不使用光学显微镜的情况下，在至少一个维度[1D]上不能完全辨别其显著特征。2.在本大类中，使用具有所示含义的以下表达式：“微结构装置”涵盖： a.包括可移动、柔性或可变形元件的微机械装置；以及B.不具有可移动、柔性或可变形元件的三维[3D]结构，包括被设计为实现与其环境相互作用的基本结构功能的微结构，而不是纯粹的电子或化学功能，而不管所述结构是与微电子器件组合还是由特定材料形成；“微结构系统”包括： a.协作微结构装置的系统；以及B.微机电或微光机械系统，其在公共衬底上组合微结构装置和电或光学部件的特定特征，例如用于控制、分析或发信号通知微结构装置的功能。",
  },
  B81B: {
    en: "Microstructural devices or systems, e.g. micromechanical devices",
    zh: "微观结构的装置或系统，例如微观机械装置",
  },
  B82: { en: "Nano-technology", zh: "超微技术" },
  B99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目中不包括的技术主题" },
  C: { en: "Chemistry; metallurgy", zh: "化学；冶金" },
  C01: { en: "Inorganic chemistry", zh: "无机化学 [from dir name]" },
  C01D: {
    en: "Compounds of alkali metals, i.e. lithium, sodium, potassium, rubidium, caesium, or francium",
    zh: "碱金属（即锂、钠、钾、铷、铯或钫）的化合物",
  },
  C01G: {
    en: "Compounds containing metals not covered by subclasses c01d or c01f",
    zh: "含有不包含在C01D或C01F小类中的金属的化合物",
  },
  C02: { en: "Treatment of water, waste water, sewage, or sludge", zh: "水、废水、污水或污泥的处理" },
  C02F: { en: "Treatment of water, waste water, sewage, or sludge", zh: "水、废水、污水或污泥的处理" },
  C03: { en: "Glass; mineral or slag wool", zh: "玻璃；矿棉或渣棉" },
  C04: {
    en: "Cements; concrete; artificial stone; ceramics; refractories",
    zh: "水泥；混凝土；人造石；陶瓷；耐火材料",
  },
  C04B: {
    en: "Lime; magnesia; slag; cements; compositions thereof, e.g. mortars, concrete or like building materials; artificial stone; ceramics; refractories; treatment of natural stone",
    zh: "石灰；氧化镁；矿渣；水泥；其组合物，例如：砂浆、混凝土或类似的建筑材料；人造石；陶瓷；耐火材料；天然石的处理",
  },
  C05: { en: "Fertilisers; manufacture thereof", zh: "肥料；肥料制造" },
  C05F: {
    en: "Organic fertilisers not covered by subclasses c05b, c05c, e.g. fertilisers from waste or refuse",
    zh: "不包含在C05B、C05C小类中的有机肥料，如用废物或垃圾制成的肥料",
  },
  C06: { en: "Explosives; matches", zh: "炸药；火柴" },
  C07: { en: "Organic chemistry", zh: "有机化学" },
  C07D: { en: "Heterocyclic compounds", zh: "杂环化合物" },
  C07K: { en: "Peptides", zh: "肽" },
  C08: {
    en: "Organic macromolecular compounds; their preparation or chemical working-up; compositions based thereon",
    zh: "有机高分子化合物；其制备或化学加工；以其为基料的组合物",
  },
  C08B: { en: "Polysaccharides; derivatives thereof", zh: "多糖类; 其衍生物" },
  C08H: { en: "Derivatives of natural macromolecular compounds", zh: "天然高分子化合物的衍生物" },
  C08K: {
    en: "Use of inorganic or non-macromolecular organic substances as compounding ingredients",
    zh: "使用无机物或非高分子有机物作为配料",
  },
  C08L: { en: "Compositions of macromolecular compounds", zh: "高分子化合物的组合物" },
  C09: {
    en: "Dyes; paints; polishes; natural resins; adhesives; compositions not otherwise provided for; applications of materials not otherwise provided for",
    zh: "染料；涂料；抛光剂；天然树脂；黏合剂；其他类目不包含的组合物；其他类目不包含的材料的应用",
  },
  C09D: {
    en: "Coating compositions, e.g. paints, varnishes or lacquers; filling pastes; chemical paint or ink removers; inks; correcting fluids; woodstains; pastes or solids for colouring or printing; use of materials therefor",
    zh: "涂料组合物，例如色漆、清漆或天然漆；填充浆料；化学涂料或油墨的去除剂；油墨；改正液；木材着色剂；用于着色或印刷的浆料或固体；原料为此 [from dir name]",
  },
  C09G: { en: "Polishing compositions; ski waxes", zh: "抛光组合物；滑雪屐蜡" },
  C09K: {
    en: "Materials for applications not otherwise provided for; applications of materials not otherwise provided for",
    zh: "不包含在其他类目中的各种应用材料；不包含在其他类目中的材料的各种应用",
  },
  C10: {
    en: "Petroleum, gas or coke industries; technical gases containing carbon monoxide; fuels; lubricants; peat",
    zh: "石油、煤气及炼焦工业；含一氧化碳的工业气体；燃料；润滑剂；泥煤",
  },
  C10L: {
    en: "Fuels not otherwise provided for; natural gas; synthetic natural gas obtained by processes not covered by subclasses c10g or c10k; liquefied petroleum gas; use of additives to fuels or fires; fire-lighters",
    zh: "不包含在其他类目中的燃料；天然气；不包含在C10G或C10K小类中的方法得到的合成天然气；液化石油气；在燃料或火中使用添加剂；引火物",
  },
  C11: {
    en: "Animal or vegetable oils, fats, fatty substances or waxes; fatty acids therefrom; detergents; candles",
    zh: "动物或植物油、脂、脂肪物质或蜡；由此制取的脂肪酸；洗涤剂；蜡烛",
  },
  C11B: {
    en: "Producing, e.g. by pressing raw materials or by extraction from waste materials, refining or preserving fats, fatty substances, e.g. lanolin, fatty oils or waxes; essential oils; perfumes",
    zh: "生产，例如通过压榨原材料或从废料中萃取，精制或保藏脂、脂肪物质例如羊毛脂、脂油或蜡；香精油；香料",
  },
  C12: {
    en: "Biochemistry; beer; spirits; wine; vinegar; microbiology; enzymology; mutation or genetic engineering",
    zh: "生物化学；啤酒；烈性酒；果汁酒；醋；微生物学；酶学；突变或遗传工程",
  },
  C12G: {
    en: "Wine; preparation thereof; alcoholic beverages; preparation of alcoholic beverages not provided for in subclasses c12c or c12h",
    zh: "葡萄酒；其制备；酒精饮料；不包含在小类C12C或C12H中的酒精饮料的制备。",
  },
  C12H: {
    en: "Pasteurisation, sterilisation, preservation, purification, clarification or ageing of alcoholic beverages; methods for altering the alcohol content of fermented solutions or alcoholic beverages",
    zh: "酒精饮料的巴氏灭菌、杀菌、保藏、纯化、澄清或陈酿；改变发酵溶液或酒精饮料的酒精含量的方法",
  },
  C12M: { en: "Apparatus for enzymology or microbiology", zh: "酶学或微生物学装置" },
  C12N: {
    en: "Microorganisms or enzymes; compositions thereof; propagating, preserving, or maintaining microorganisms; mutation or genetic engineering; culture media",
    zh: "微生物或酶；其组合物；繁殖、保藏或维持微生物；变异或遗传工程；培养基。",
  },
  C12P: {
    en: "Fermentation or enzyme-using processes to synthesise a desired chemical compound or composition or to separate optical isomers from a racemic mixture",
    zh: "发酵或使用酶的方法合成目标化合物或组合物或从外消旋混合物中分离旋光异构体",
  },
  C12Q: {
    en: "Measuring or testing processes involving enzymes, nucleic acids or microorganisms; compositions or test papers therefor; processes of preparing such compositions; condition-responsive control in microbiological or enzymological processes",
    zh: "包含酶、核酸或微生物的测定或检验方法；其所用的组合物或试纸；这种组合物的制备方法；在微生物学方法或酶学方法中的条件反应控制",
  },
  C13: { en: "Sugar industry", zh: "糖工业" },
  C14: { en: "Skins; hides; pelts; leather", zh: "小原皮；大原皮；毛皮或皮革" },
  C21: { en: "Metallurgy of iron", zh: "铁的冶金" },
  C21D: {
    en: "Modifying the physical structure of ferrous metals; general devices for heat treatment of ferrous or non-ferrous metals or alloys; making metal malleable, e.g. by decarburisation or tempering",
    zh: "改变黑色金属的物理结构；黑色或有色金属或合金热处理用的一般设备；使金属具有韧性，例如通过脱碳或回火",
  },
  C22: { en: "Metallurgy", zh: "冶金；黑色或有色金属合金；合金或有色金属的处理" },
  C22B: {
    en: "Production or refining of metals; pretreatment of raw materials",
    zh: "金属的生产或精炼；原材料的预处理",
  },
  C22C: { en: "Alloys", zh: "合金" },
  C22F: {
    en: "Changing the physical structure of non-ferrous metals or non-ferrous alloys",
    zh: "改变有色金属或有色合金的物理结构",
  },
  C23: {
    en: "Coating metallic material; coating material with metallic material",
    zh: "对金属材料的镀覆；用金属材料对材料的镀覆；表面化学处理；金属材料的扩散处理；真空蒸发法、溅射法、离子注入法或化学气相沉积法的一般镀覆；金属材料腐蚀或积垢的一般抑制",
  },
  C25: { en: "Electrolytic or electrophoretic processes; apparatus therefor", zh: "电解或电泳工艺；其所用设备" },
  C25B: {
    en: "Electrolytic or electrophoretic processes for the production of compounds or non- metals; apparatus therefor",
    zh: "生产化合物或非金属的电解工艺或电泳工艺；其所用的设备",
  },
  C30: { en: "Crystal growth", zh: "晶体生长" },
  C30B: {
    en: "Single-crystal growth; unidirectional solidification of eutectic material or unidirectional demixing of eutectoid material; refining by zone-melting of material; production of a homogeneous polycrystalline material with defined structure; single crystals or homogeneous polycrystalline material with defined structure; after-treatment of single crystals or a homogeneous polycrystalline material with defined structure; apparatus therefor",
    zh: "单晶生长；共晶材料的定向凝固或共析材料的定向分层；材料的区熔精炼；具有一定结构的均匀多晶材料的制备；单晶或具有一定结构的均匀多晶材料；单晶或具有一定结构的均匀多晶材料的后处理；其所用的装置",
  },
  C40: { en: "Combinatorial technology", zh: "组合技术" },
  C99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目不包括的技术主题" },
  D: { en: "Textiles; paper", zh: "纺织；造纸" },
  D01: { en: "Natural or artificial threads or fibres; spinning", zh: "天然或化学的线或纤维；纺纱或纺丝" },
  D01B: {
    en: "Mechanical treatment of natural fibrous or filamentary material to obtain fibres or filaments, e.g. for spinning",
    zh: "为生产纤维或长丝而对天然纤维或长丝原料进行的机械处理，如纺纱准备",
  },
  D01D: {
    en: "Mechanical methods or apparatus in the manufacture of man-made filaments, threads, fibres, bristles or ribbons",
    zh: "制作化学长丝、线、纤维、鬃或带子的机械方法或设备",
  },
  D01F: {
    en: "Chemical features in the manufacture of man-made filaments, threads, fibres, bristles or ribbons; apparatus specially adapted for the manufacture of carbon filaments",
    zh: "制作人造长丝，线，纤维，鬃或带子的化学特征；专用于生产碳纤维的设备",
  },
  D02: {
    en: "Yarns; mechanical finishing of yarns or ropes; warping or beaming",
    zh: "纱线；纱线或绳索的机械整理；整经或络经",
  },
  D03: { en: "Weaving", zh: "织造" },
  D04: {
    en: "Braiding; lace-making; knitting; trimmings; non-woven fabrics",
    zh: "编织；花边制作；针织；饰带；非织造布",
  },
  D04H: {
    en: "Making textile fabrics, e.g. from fibres or filamentary material; fabrics made by such processes or apparatus, e.g. felts, non-woven fabrics; cotton-wool; wadding",
    zh: "制造纺织品，例如用纤维或长丝原料；通过此类工艺或设备制造的织物，如毛毡、非织造布；棉絮；衬垫",
  },
  D05: { en: "Sewing; embroidering; tufting", zh: "缝纫；绣花；簇绒" },
  D06: {
    en: "Treatment of textiles or the like; laundering; flexible materials not otherwise provided for",
    zh: "织物等的处理；洗涤；其他类不包括的柔性材料",
  },
  D06F: {
    en: "Laundering, drying, ironing, pressing or folding textile articles",
    zh: "纺织品的洗涤、干燥、熨烫、压平或打折",
  },
  D06M: {
    en: "Treatment, not provided for elsewhere in class d06, of fibres, threads, yarns, fabrics, feathers or fibrous goods made from such materials",
    zh: "对纤维、纱、线、织物、羽毛或由这些材料制成的纤维制品进行D06类内其他类目所不包括的处理",
  },
  D07: { en: "Ropes; cables other than electric", zh: "绳；除电缆以外的缆索" },
  D21: { en: "Paper-making; production of cellulose", zh: "造纸；纤维素的生产" },
  D99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目不包括的技术主题" },
  E: { en: "Fixed constructions", zh: "固定建筑物" },
  E01: { en: "Construction of roads, railways, or bridges", zh: "道路、铁路或桥梁的建筑" },
  E01B: {
    en: "Permanent way; permanent-way tools; machines for making railways of all kinds",
    zh: "铁路轨道；铁路轨道附件；铺设各种铁路的机器",
  },
  E01C: {
    en: "Construction of, or surfaces for, roads, sports grounds, or the like; machines or auxiliary tools for construction or repair",
    zh: "道路、体育场或类似工程的修建或其铺面；修建和修复用的机械和附属工具",
  },
  E01D: { en: "Bridges", zh: "桥梁" },
  E01F: {
    en: "Additional work, such as equipping roads or the construction of platforms, helicopter landing stages, signs, snow fences, or the like",
    zh: "附属工程，例如，道路设备和月台、直升机降落台、标志、防雪栅等的修建",
  },
  E02: { en: "Hydraulic engineering; foundations; soil-shifting", zh: "水利工程；基础；疏浚" },
  E02B: { en: "Hydraulic engineering", zh: "水利工程" },
  E02C: { en: "Ship-lifting devices or mechanisms", zh: "船舶提升设备或机械" },
  E02D: {
    en: "Foundations; excavations; embankments; underground or underwater structures",
    zh: "基础；挖方；填方；地下或水下结构物[6]",
  },
  E03: { en: "Water supply; sewerage", zh: "给水；排水" },
  E03F: { en: "Sewers; cesspools", zh: "下水道，污水井" },
  E04: { en: "Building", zh: "建筑物" },
  E04B: {
    en: "General building constructions; walls, e.g. partitions; roofs; floors; ceilings; insulation or other protection of buildings",
    zh: "一般建筑物构造；墙，例如，间壁墙；屋顶；楼板；顶棚；建筑物的隔绝或其他防护",
  },
  E04C: { en: "Structural elements; building materials", zh: "结构构件；建筑材料" },
  E04G: {
    en: "Scaffolding; forms; shuttering; building implements or aids, or their use; handling building materials on the site; repairing, breaking-up or other work on existing buildings",
    zh: "脚手架、模壳；模板；施工用具或辅助设备，或其应用；建筑材料的现场处理；原有建筑物的修理，拆除或其他工作",
  },
  E04H: {
    en: "Buildings or like structures for particular purposes; swimming or splash baths or pools; masts; fencing; tents or canopies, in general",
    zh: "专门用途的建筑物或类似的构筑物；游泳或喷水浴槽或池；桅杆；围栏；一般帐篷或天篷",
  },
  E05: { en: "Locks; keys; window or door fittings; safes", zh: "锁；钥匙；门窗零件；保险箱" },
  E05B: { en: "Locks; accessories therefor; handcuffs", zh: "锁；其附件；手铐" },
  E06: {
    en: "Doors, windows, shutters, or roller blinds, in general; ladders",
    zh: "一般门、窗、百叶窗或卷辊遮帘；梯子",
  },
  E21: { en: "Earth or rock drilling; mining", zh: "土层或岩石的钻进；采矿" },
  E21B: {
    en: "Earth or rock drilling; obtaining oil, gas, water, soluble or meltable materials or a slurry of minerals from wells",
    zh: "土层或岩石的钻进；从井中开采油、气、水、可溶解或可熔化物质或矿物泥浆",
  },
  E21C: { en: "Mining or quarrying", zh: "采矿或采石" },
  E21D: { en: "Shafts; tunnels; galleries; large underground chambers", zh: "竖井；隧道；平硐；大型地下室" },
  E21F: {
    en: "Safety devices, transport, filling-up, rescue, ventilation, or drainage in or of mines or tunnels",
    zh: "矿井或隧道中或其自身的安全装置，运输、充填、救护、通风或排水",
  },
  E99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目不包括的技术主题" },
  F: { en: "Mechanical engineering; lighting; heating; weapons; blasting", zh: "机械工程；照明；加热；武器；爆破" },
  F01: { en: "Machines or engines in general", zh: "一般机器或发动机；一般的发动机装置；蒸汽机" },
  F01N: {
    en: "Gas-flow silencers or exhaust apparatus for machines or engines in general; gas-flow silencers or exhaust apparatus for internal-combustion engines",
    zh: "一般机器或发动机的气流消音器或排气装置；内燃机的气流消音器或排气装置",
  },
  F02: { en: "Combustion engines", zh: "燃烧发动机；热气或燃烧生成物的发动机装置" },
  F02B: { en: "Internal-combustion piston engines; combustion engines in general", zh: "活塞式内燃机；般燃烧发动机" },
  F02M: {
    en: "Supplying combustion engines in general with combustible mixtures or constituents thereof",
    zh: "般燃烧发动机可燃混合物的供给或其组成部分",
  },
  F03: {
    en: "Machines or engines for liquids",
    zh: "液力机械或液力发动机；风力、弹力或重力发动机；其他类目中不包括的产生机械动力或反推力的发动机",
  },
  F03D: { en: "Wind motors", zh: "风力发动机" },
  F04: {
    en: "Positive-displacement machines for liquids; pumps for liquids or elastic fluids",
    zh: "液体变容式机械；液体泵或弹性流体泵",
  },
  F15: {
    en: "Fluid-pressure actuators; hydraulics or pneumatics in general",
    zh: "流体压力执行机构；一般液压技术和气动技术",
  },
  F16: {
    en: "Engineering elements or units; general measures for producing and maintaining effective functioning of machines or installations; thermal insulation in general",
    zh: "工程元件或部件；为产生和保持机器或设备的有效运行的一般措施；一般绝热",
  },
  F16D: { en: "Couplings for transmitting rotation; clutches; brakes", zh: "传送旋转运动的联轴器；离合器；制动器" },
  F16F: { en: "Springs; shock-absorbers; means for damping vibration", zh: "弹簧；减震器；减振装置" },
  F16H: { en: "Gearing", zh: "传动装置" },
  F17: { en: "Storing or distributing gases or liquids", zh: "气体或液体的贮存或分配" },
  F17C: {
    en: "Vessels for containing or storing compressed, liquefied, or solidified gases; fixed-capacity gas-holders; filling vessels with, or discharging from vessels, compressed, liquefied, or solidified gases",
    zh: "盛装或贮存压缩的、液化的或固化的气体容器；固定容量的贮气罐；将压缩的、液化的或固化的气体灌入容器内，或从容器内排出",
  },
  F21: { en: "Lighting", zh: "照明" },
  F22: { en: "Steam generation", zh: "蒸汽的发生" },
  F23: { en: "Combustion apparatus; combustion processes", zh: "燃烧设备；燃烧方法" },
  F23G: {
    en: "Cremation furnaces; consuming waste or low grade fuels by combustion",
    zh: "焚化炉；废物或低品位燃料的焚毁",
  },
  F24: { en: "Heating; ranges; ventilating", zh: "供热；炉灶；通风" },
  F24F: {
    en: "Air-conditioning; air-humidification; ventilation; use of air currents for screening",
    zh: "空气调节；空气增湿；通风；空气流作为屏蔽的应用",
  },
  F25: {
    en: "Refrigeration or cooling; combined heating and refrigeration systems; heat pump systems; manufacture or storage of ice; liquefaction or solidification of gases",
    zh: "制冷或冷却；加热和制冷的联合系统；热泵系统；冰的制造或储存；气体的液化或固化",
  },
  F25D: {
    en: "Refrigerators; cold rooms; ice-boxes; cooling or freezing apparatus not otherwise provided for",
    zh: "冰箱；冷库；冰柜；其他类目不包括的冷却或冷冻设备",
  },
  F26: { en: "Drying", zh: "干燥" },
  F26B: {
    en: "Drying solid materials or objects by removing liquid therefrom",
    zh: "从固体材料或制品中消除液体的干燥（联合收割机的干燥装置入A01D41/133；干燥果实或疏菜用的框架入A01F25/12；干燥食品入A23；干燥头发入A45D20/00；干燥身体的器具入A47K10/00；干燥家庭物品入A47L；干燥气体或蒸汽入B01D；脱水或类似的从固体分离出液体的化学或物理方法入B01D43/00；离心设备入B04；干燥陶瓷器入C04B33/30；与其他处理方式结合的干燥纱线或纤维入D06C；没有加热或正向空气循环的洗衣用干燥框架，家用洗衣干燥机或旋转式脱水机，拧干或热压洗衣入D06",
  },
  F27: { en: "Furnaces; kilns; ovens; retorts", zh: "炉；窑；烘烤炉；蒸馏炉" },
  F28: { en: "Heat exchange in general", zh: "一般热交换" },
  F41: { en: "Weapons", zh: "武器" },
  F42: { en: "Ammunition; blasting", zh: "弹药；爆破" },
  F99: { en: "Subject matter not otherwise provided for in this section", zh: "本部其他类目不包括的技术主题" },
  G: { en: "Physics", zh: "物理" },
  G01: { en: "Measuring", zh: "测量；测试" },
  G01B: {
    en: "Measuring length, thickness or similar linear dimensions; measuring angles; measuring areas; measuring irregularities of surfaces or contours",
    zh: "长度、厚度或类似线性尺寸的计量；角度的计量；面积的计量；不规则的表面或轮廓的计量",
  },
  G01C: {
    en: "Measuring distances, levels or bearings; surveying; navigation; gyroscopic instruments; photogrammetry or videogrammetry",
    zh: "测量距离、水准或者方位；勘测；导航；陀螺仪；摄影测量学或视频测量学",
  },
  G01D: {
    en: "Measuring not specially adapted for a specific variable; arrangements for measuring two or more variables not covered by a single other subclass; tariff metering apparatus; transferring or transducing arrangements not specially adapted for a specific variable; measuring or testing not otherwise provided for",
    zh: "非专用于特定变量的测量；不包含在其他单独小类中的测量两个或多个变量的装置；计费设备；非专用于特定变量的传输或转换装置；未列入其他类目的测量或测试",
  },
  G01H: {
    en: "Measurement of mechanical vibrations or ultrasonic, sonic or infrasonic waves",
    zh: "机械振动或超声波、声波或次声波的测量",
  },
  G01K: {
    en: "Measuring temperature; measuring quantity of heat; thermally-sensitive elements not otherwise provided for",
    zh: "温度测量；热量测量；未列入其他类目的热敏元件",
  },
  G01L: {
    en: "Measuring force, stress, torque, work, mechanical power, mechanical efficiency, or fluid pressure",
    zh: "测量力、应力、转矩、功、机械功率、机械效率或流体压力",
  },
  G01M: {
    en: "Testing static or dynamic balance of machines or structures; testing of structures or apparatus, not otherwise provided for",
    zh: "机器或结构部件的静或动平衡的测试；其他类目中不包括的结构部件或设备的测试",
  },
  G01N: {
    en: "Investigating or analysing materials by determining their chemical or physical properties",
    zh: "借助于测定材料的化学或物理性质来测试或分析材料",
  },
  G01R: { en: "Measuring electric variables; measuring magnetic variables", zh: "测量电变量；测量磁变量" },
  G01S: {
    en: "Radio direction-finding; radio navigation; determining distance or velocity by use of radio waves; locating or presence-detecting by use of the reflection or reradiation of radio waves; analogous arrangements using other waves",
    zh: "无线电定向；无线电导航；采用无线电波测距或测速；采用无线电波的反射或再辐射的定位或存在检测；采用其他波的类似装置",
  },
  G01V: {
    en: "Geophysics; gravitational measurements; detecting masses or objects; tags",
    zh: "地球物理；重力测量；物质或物体的探测；示踪物",
  },
  G02: { en: "Optics", zh: "光学" },
  G02B: { en: "Optical elements, systems or apparatus", zh: "光学元件、系统或仪器" },
  G02F: {
    en: "Optical devices or arrangements for the control of light by modification of the optical properties of the media of the elements involved therein; non-linear optics; frequency-changing of light; optical logic elements; optical analogue/digital converters",
    zh: "通过改变其中涉及的元件的介质的光学性质来控制光的光学器件或装置；非线性光学元件；光的变频；光学逻辑元件；光学模拟/数字转换器。",
  },
  G03: {
    en: "Photography; cinematography; analogous techniques using waves other than optical waves; electrography; holography",
    zh: "摄影术；电影术；利用了光波以外其他波的类似技术；电记录术；全息摄影术",
  },
  G03F: {
    en: "Photomechanical production of textured or patterned surfaces, e.g. for printing, for processing of semiconductor devices; materials therefor; originals therefor; apparatus specially adapted therefor",
    zh: "图纹面的照相制版工艺，例如，印刷工艺、半导体器件的加工工艺；其所用材料；其所用原版；其所用专用设备",
  },
  G04: { en: "Horology", zh: "测时学" },
  G05: { en: "Controlling; regulating", zh: "控制；调节" },
  G05B: {
    en: "Control or regulating systems in general; functional elements of such systems; monitoring or testing arrangements for such systems or elements",
    zh: "一般的控制或调节系统；这种系统的功能单元；用于这种系统或单元的监视或测试装置",
  },
  G05D: { en: "Systems for controlling or regulating non-electric variables", zh: "非电变量的控制或调节系统" },
  G06: { en: "Computing; calculating; counting", zh: "计算或推算；计数" },
  G06F: { en: "Electric digital data processing", zh: "电数字数据处理" },
  G06N: { en: "Computing arrangements based on specific computational models", zh: "基于特定计算模型的计算机系统" },
  G06Q: {
    en: "Data processing systems or methods, specially adapted for administrative, commercial, financial, managerial, supervisory or forecasting purposes; systems or methods specially adapted for administrative, commercial, financial, managerial, supervisory or forecasting purposes, not otherwise provided for",
    zh: "专门适用于行政、商业、金融、管理或监督目的的信息和通信技术[ICT]；其他类目不包含的专门适用于行政、商业、金融、管理或监督目的的系统或方法",
  },
  G06T: { en: "Image data processing or generation, in general", zh: "一般的图像数据处理或产生" },
  G06V: { en: "Image or video recognition or understanding", zh: "图像或视频识别或理解" },
  G07: { en: "Checking-devices", zh: "核算装置" },
  G07C: {
    en: "Time or attendance registers; registering or indicating the working of machines; generating random numbers; voting or lottery apparatus; arrangements, systems or apparatus for checking not provided for elsewhere",
    zh: "时间登记器或出勤登记器；登记或指示机器的运行；产生随机数；投票或彩票设备；未列入其他类目的核算装置、系统或设备",
  },
  G08: { en: "Signalling", zh: "信号装置" },
  G08B: {
    en: "Signalling or calling systems; order telegraphs; alarm systems",
    zh: "信号系统，如个人呼叫系统；指令发信装置；报警系统",
  },
  G08G: { en: "Traffic control systems", zh: "交通控制系统" },
  G09: { en: "Educating; cryptography; display; advertising; seals", zh: "教育；密码术；显示；广告；印鉴" },
  G09G: {
    en: "Arrangements or circuits for control of indicating devices using static means to present variable information",
    zh: "对用静态方法显示可变信息的指示装置进行控制的装置或电路传输数据的装置在数字计算机与显示器之间入G06F3/14；由若干分离源或光控的光电池结合而成的静态指示装置入G09F9/00；由若干光源的组合而构成的静态的指示装置入H01J，H01K，H01L，H05B33/12，H10H；文件或者类似物的扫描、传输或者重现，如传真传输，其零部件入H04N1/00） [3，4，5]",
  },
  G10: { en: "Musical instruments; acoustics", zh: "乐器；声学" },
  G10K: {
    en: "Sound-producing devices; methods or devices for protecting against, or for damping, noise or other acoustic waves in general; acoustics not otherwise provided for",
    zh: "发声器械；用于防止或减小噪声或其他声波的一般方法或装置；其他类目中不包括的声学器械",
  },
  G11: { en: "Information storage", zh: "信息存储" },
  G12: { en: "Instrument details", zh: "仪器的结构零部件，或未列入其他类目的其他设备的类似零部件" },
  G16: { en: "", zh: "特别适用于特定应用领域的信息通信技术[ICT]" },
  G16H: {
    en: "Healthcare informatics, i.e. information and communication technology [ict] specially adapted for the handling or processing of medical or healthcare data",
    zh: "医疗保健信息学，即专门用于处置或处理医疗或健康数据的信息和通信技术[ICT]",
  },
  G16Y: {
    en: "Information and communication technology specially adapted for the internet of things [iot]",
    zh: "专门用于物联网的信息和通信技术",
  },
  G21: { en: "Nuclear physics; nuclear engineering", zh: "核物理；核工程" },
  G99: { en: "Subject matter not otherwise provided for in this section", zh: "不包含在本部其他类目中的技术主题" },
  H: { en: "Electricity", zh: "电学" },
  H01: { en: "Basic electric elements", zh: "电气元件" },
  H01B: {
    en: "Cables; conductors; insulators; selection of materials for their conductive, insulating or dielectric properties",
    zh: "电缆；导体；绝缘体；导电、绝缘或介电材料的选择",
  },
  H01F: {
    en: "Magnets; inductances; transformers; selection of materials for their magnetic properties",
    zh: "磁体；电感；变压器；磁性材料的选择",
  },
  H01G: {
    en: "Capacitors; capacitors, rectifiers, detectors, switching devices, light-sensitive or temperature-sensitive devices of the electrolytic type",
    zh: "电容器；电解型的电容器、整流器、检波器、开关器件、光敏器件或热敏器件",
  },
  H01L: { en: "Semiconductor devices; electric solid state devices not otherwise provided for", zh: "" },
  H01M: {
    en: "Processes or means, e.g. batteries, for the direct conversion of chemical energy into electrical energy",
    zh: "用于直接转变化学能为电能的方法或装置，例如电池组",
  },
  H01Q: { en: "Antennas, i.e. radio aerials", zh: "天线，即无线电天线" },
  H01S: {
    en: "Devices using the process of light amplification by stimulated emission of radiation [laser] to amplify or generate light; devices using stimulated emission of electromagnetic radiation in wave ranges other than optical",
    zh: "利用辐射[激光]的受激发射使用光放大过程来放大或产生光的器件；利用除光之外的波范围内的电磁辐射的受激发射器件",
  },
  H02: { en: "Generation, conversion, or distribution of electric power", zh: "发电、变电或配电" },
  H02G: {
    en: "Installation of electric cables or lines, or of combined optical and electric cables or lines",
    zh: "电缆或电线的安装，或光电组合电缆或电线的安装",
  },
  H02H: { en: "Emergency protective circuit arrangements", zh: "紧急保护电路装置" },
  H02J: {
    en: "Circuit arrangements or systems for supplying or distributing electric power; systems for storing electric energy",
    zh: "电力网络;供电或配电的电路装置或系统；电能存储系统",
  },
  H02K: { en: "Dynamo-electric machines", zh: "电机" },
  H02M: {
    en: "Apparatus for conversion between ac and ac, between ac and dc, or between dc and dc, and for use with mains or similar power supply systems; conversion of dc or ac input power into surge output power; control or regulation thereof",
    zh: "用于交流和交流之间、交流和直流之间、或直流和直流之间的转换以及用于与电源或类似的供电系统一起使用的设备；直流或交流输入功率至浪涌输出功率的转换；以及它们的控制或调节",
  },
  H02P: {
    en: "Control or regulation of electric motors, electric generators or dynamo-electric converters; controlling transformers, reactors or choke coils",
    zh: "电动机、发电机或机电变换器的控制或调节；控制变压器、电抗器或扼流圈",
  },
  H02S: {
    en: "Generation of electric power by conversion of infra-red radiation, visible light or ultraviolet light, e.g. using photovoltaic [pv] modules",
    zh: "由红外线辐射、可见光或紫外光转换产生电能，如使用光伏模块",
  },
  H03: { en: "Basic electronic circuitry", zh: "电子电路" },
  H03K: { en: "Pulse technique", zh: "脉冲技术（脉冲特性测量" },
  H04: { en: "Electric communication technique", zh: "电通信技术" },
  H04B: { en: "Transmission", zh: "传输" },
  H04J: { en: "Multiplex communication", zh: "多路复用通信" },
  H04L: {
    en: "Transmission of digital information, e.g. telegraphic communication",
    zh: "数字信息的传输，例如电报通信",
  },
  H04Q: { en: "Selecting", zh: "选择" },
  H04W: { en: "Wireless communication networks", zh: "无线通信网络" },
  H05: { en: "Electric techniques not otherwise provided for", zh: "其他类目不包含的电技术" },
  H05B: {
    en: "Electric heating; electric light sources not otherwise provided for; circuit arrangements for electric light sources, in general",
    zh: "电热；其他类目不包含的电照明光源；一般的用于电照明光源的电路",
  },
  H05K: {
    en: "Printed circuits; casings or constructional details of electric apparatus; manufacture of assemblages of electrical components",
    zh: "印刷电路；电设备的外壳或结构零部件；电气元件组件的制造",
  },
  H10: { en: "", zh: "半导体器件；其他类目中不包括的电固体器件" },
  H10K: { en: "", zh: "有机电固态器件" },
  H99: { en: "Subject matter not otherwise provided for in this section", zh: "本部中其他类目不包括的技术主题" },
};
