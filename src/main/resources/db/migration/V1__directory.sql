-- Reference data: the departments tickets are dispatched to and the districts of the city.
create table department (
    code        varchar(40) primary key,
    name        varchar(100) not null unique,
    sort_order  int not null
);

insert into department (code, name, sort_order) values
 ('public-security',      '市公安局',                   1),
 ('traffic-police',       '市公安局交通警察支队',        2),
 ('ecology-environment',  '市生态环境局',               3),
 ('housing-construction', '市住房和城乡建设局',          4),
 ('urban-management',     '市城市管理局',               5),
 ('transport',            '市交通运输局',               6),
 ('market-regulation',    '市市场监督管理局',           7),
 ('human-resources',      '市人力资源和社会保障局',      8),
 ('medical-security',     '市医疗保障局',               9),
 ('health',               '市卫生健康委员会',           10),
 ('education',            '市教育局',                  11),
 ('natural-resources',    '市自然资源和规划局',          12),
 ('water',                '市水务局',                  13),
 ('power-grid',           '国网供电公司',               14),
 ('gas',                  '燃气集团',                  15),
 ('housing-fund',         '市住房公积金管理中心',        16),
 ('civil-affairs',        '市民政局',                  17),
 ('taxation',             '市税务局',                  18);

create table district (
    name        varchar(20) primary key,
    sort_order  int not null
);

insert into district (name, sort_order) values
 ('崇川区', 1), ('通州区', 2), ('海门区', 3), ('如皋市', 4), ('启东市', 5), ('海安市', 6), ('如东县', 7);
